package dev.pathwise.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Modality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurriculumFileTest {

    @TempDir
    Path folder;

    @Test
    void theFrameworkAsTheServiceServesItIsReadAsItComes() throws IOException {
        // given GET /v1/frameworks/{id} saved as it came, CASE details and all, with activities as GET /v1/activities
        Path file = Files.writeString(folder.resolve("framework.json"), """
                {"id":"ratios","name":"Ratios","caseDocumentIdentifier":"c0ffee",
                 "competencies":[
                  {"id":"rp","name":"Ratios","prerequisiteIds":[],"gradeLevel":6,"externalId":"6.RP"},
                  {"id":"rp.language","name":"Ratio language","parentId":"rp","prerequisiteIds":[],"gradeLevel":6,
                   "statement":"Understand the concept of a ratio","otherParentIds":[],"externalReferences":[]},
                  {"id":"rp.tables","name":"Ratio tables","parentId":"rp","prerequisiteIds":["rp.language"]}],
                 "activities":[
                  {"id":"tables.lesson","title":"Lesson","competencyIds":["rp.tables"],"kind":"LESSON",
                   "modality":"VIDEO","grouping":"INDIVIDUAL","online":true,"estimatedMinutes":25,"tags":["math"],
                   "iri":"https://example.org/a/1"}]}
                """);

        // when it is read
        Curriculum curriculum = CurriculumFile.read(file);

        // then the service's names stand for the file's own
        assertThat(curriculum.framework().get("rp.tables").parentId()).isEqualTo("rp");
        assertThat(curriculum.framework().get("rp.tables").prerequisiteIds()).containsExactly("rp.language");
        assertThat(curriculum.framework().get("rp").gradeLevel()).isEqualTo(6);
        assertThat(curriculum.activities()).singleElement().satisfies(a -> {
            assertThat(a.competencyIds()).containsExactly("rp.tables");
            assertThat(a.estimatedMinutes()).isEqualTo(25);
            assertThat(a.modality()).isEqualTo(Modality.VIDEO);
        });
    }

    @Test
    void aFieldNeitherLayoutKnowsIsStillAMistake() throws IOException {
        Path file = Files.writeString(folder.resolve("framework.yaml"), """
                id: ratios
                competencies:
                  - { id: RP.1, parnet: RP }
                """);

        assertThatThrownBy(() -> CurriculumFile.read(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("competencies[0].parnet: unknown field")
                .hasMessageContaining("Maybe you meant 'parent'?");
    }
}
