package dev.pathwise.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.learner.LearnerProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFilesTest {

    @TempDir
    Path folder;

    @Test
    void newlineDelimitedJsonIsReadOneObjectALine() throws IOException {
        Path file = Files.writeString(
                folder.resolve("evidence.ndjson"),
                "{\"id\":\"e-1\",\"learnerId\":\"ana\",\"competencyId\":\"RP.1\",\"raw\":9.0,\"min\":0.0,\"max\":10.0,"
                        + "\"kind\":\"FORMATIVE\",\"source\":\"lms, v2\",\"observedAt\":\"2026-09-08T10:00:00Z\"}\n"
                        + "\n"
                        + "{\"id\":\"e-2\",\"learnerId\":\"ana\",\"activityId\":\"RP.1-lesson\",\"raw\":1,"
                        + "\"kind\":\"SUMMATIVE\",\"observedAt\":\"2026-09-09T10:00:00Z\"}\n");

        List<Evidence> evidence = EvidenceFiles.readEvidence(file);

        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0).source()).isEqualTo("lms, v2");
        assertThat(evidence.get(0).score().normalized()).isEqualTo(0.9);
        assertThat(evidence.get(0).observedAt()).isEqualTo(Instant.parse("2026-09-08T10:00:00Z"));
        assertThat(evidence.get(1).competencyId()).isNull();
        assertThat(evidence.get(1).activityId()).isEqualTo("RP.1-lesson");
        assertThat(evidence.get(1).kind()).isEqualTo(EvidenceKind.SUMMATIVE);
    }

    @Test
    void theFormatIsReadFromTheContentWhateverTheFileIsCalled() throws IOException {
        // given the service's NDJSON export saved as .json, and its CSV export saved as .txt
        Path ndjson = Files.writeString(
                folder.resolve("evidence.json"),
                "{\"id\":\"e-1\",\"learnerId\":\"ana\",\"competencyId\":\"RP.1\",\"raw\":9.0,\"max\":10.0,"
                        + "\"kind\":\"FORMATIVE\",\"observedAt\":\"2026-09-08T10:00:00Z\"}\n"
                        + "{\"id\":\"e-2\",\"learnerId\":\"ana\",\"competencyId\":\"RP.1\",\"raw\":1,"
                        + "\"kind\":\"SUMMATIVE\",\"observedAt\":\"2026-09-09T10:00:00Z\"}\n");
        Path csv = Files.writeString(
                folder.resolve("evidence.txt"),
                "id,learnerId,competencyId,activityId,raw,min,max,kind,source,observedAt\n"
                        + "e-3,ana,RP.1,,6,0,10,FORMATIVE,lms,2026-09-08T10:00:00Z\n");

        // then both read as what they hold
        assertThat(EvidenceFiles.readEvidence(ndjson)).extracting(Evidence::id).containsExactly("e-1", "e-2");
        assertThat(EvidenceFiles.readEvidence(csv)).extracting(Evidence::id).containsExactly("e-3");
    }

    @Test
    void csvValuesMayHoldQuotedCommasAndQuotesAndTheFileAByteOrderMark() throws IOException {
        Path file = Files.writeString(
                folder.resolve("evidence.csv"),
                "\uFEFF"
                        + "id,learnerId,competencyId,activityId,raw,min,max,kind,source,observedAt\r\n"
                        + "e-1,ana,RP.1,,6,0,10,FORMATIVE,\"lms, \"\"beta\"\"\",2026-09-08T10:00:00Z\r\n");

        Evidence evidence = EvidenceFiles.readEvidence(file).get(0);

        assertThat(evidence.source()).isEqualTo("lms, \"beta\"");
        assertThat(evidence.score().normalized()).isEqualTo(0.6);
    }

    @Test
    void learnersAreReadFromTheCsvOfTheDistrictExport() throws IOException {
        Path file = Files.writeString(
                folder.resolve("learners.csv"),
                "id,grade,school,planStart\r\n" + "ana,4,lincoln,2026-09-07\r\nben,0,,\r\n");

        List<LearnerProfile> learners = EvidenceFiles.readLearners(file);

        assertThat(learners).extracting(LearnerProfile::learnerId).containsExactly("ana", "ben");
        assertThat(learners.get(0).planStart()).isEqualTo(LocalDate.parse("2026-09-07"));
        assertThat(learners.get(1).schoolId()).isEmpty();
        assertThat(learners.get(1).grade()).isZero();
    }

    @Test
    void aLineThatIsNotAnObjectIsNamedByItsLine() throws IOException {
        Path file = Files.writeString(folder.resolve("evidence.ndjson"), "{\"id\":\"e-1\"}\n[1,2]\n");

        assertThatThrownBy(() -> EvidenceFiles.readEvidence(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("evidence.ndjson: line 2: expected a JSON object");
    }
}
