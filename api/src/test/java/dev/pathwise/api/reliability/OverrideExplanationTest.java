package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A teacher override made through a key names the key, and no rule: the rules did not decide it. */
class OverrideExplanationTest extends ReliabilityStack {

    @Test
    void anOverrideThroughAKeyNamesTheKeyAndNoRule() {
        // given a learner of a fresh tenant
        Http http = http();
        TestDistrict tenant = TestDistrict.marked(context, http);
        String learner = tenant.learnerInterestedIn(http, "lea-" + tenant.marker, "music");

        // when a teacher's key sets a level without naming the teacher
        Http.Response applied = Http.expect(
                http.post(
                        "/v1/learners/" + learner + "/overrides",
                        tenant.key(Role.TEACHER),
                        Map.of(
                                "kind",
                                "SET_LEVEL",
                                "competencyId",
                                "ratio.concept",
                                "level",
                                "MASTERED",
                                "reason",
                                "Explained it in a conference")),
                201);

        // then the override and the mastery change name the key; the change carries no rule (it is left out)
        JsonNode body = applied.body();
        String label = body.path("override").path("author").asText();
        assertThat(label).startsWith("key '").endsWith("'");
        JsonNode change = body.path("update").path("masteryChanges").get(0);
        assertThat(change.path("competencyId").asText()).isEqualTo("ratio.concept");
        assertThat(change.path("to").asText()).isEqualTo("MASTERED");
        assertThat(change.path("why").has("rule")).as("%s", change).isFalse();
        assertThat(change.path("why").path("text").asText())
                .startsWith("set by " + label + ": Explained it in a conference (the rules say ");
    }
}
