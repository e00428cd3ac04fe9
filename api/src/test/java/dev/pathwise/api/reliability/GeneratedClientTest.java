package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.client.ApiClient;
import dev.pathwise.client.ApiException;
import dev.pathwise.client.api.ActivitiesApi;
import dev.pathwise.client.api.EvidenceApi;
import dev.pathwise.client.api.FrameworksApi;
import dev.pathwise.client.api.LearnersApi;
import dev.pathwise.client.model.CompetencyJson;
import dev.pathwise.client.model.EvidenceRequest;
import dev.pathwise.client.model.FrameworkJson;
import dev.pathwise.client.model.MasteryChangeJson;
import dev.pathwise.client.model.NextStepJson;
import dev.pathwise.client.model.PathUpdateJson;
import dev.pathwise.client.model.ProfileJson;
import dev.pathwise.client.model.ScoreJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A platform drives the service through the Java client generated from its OpenAPI document (module client): a
 * curriculum team sets up a framework and activities, the platform creates a learner, sends evidence and asks for next
 * steps; refusals arrive as {@link ApiException} with the problem+json body.
 */
class GeneratedClientTest extends ReliabilityStack {

    @Test
    void aPlatformSendsEvidenceAndReadsNextStepsThroughTheGeneratedClient() throws ApiException {
        // given: a district with a framework, activities and a learner, set up through the client
        Map<Role, String> keys = district();
        ApiClient platform = client(keys.get(Role.PLATFORM));
        LearnersApi learners = new LearnersApi(platform);

        // when: the platform sends a formative score of 4 out of 10
        PathUpdateJson update = new EvidenceApi(platform)
                .postEvidence(new EvidenceRequest()
                        .id("e-1")
                        .learnerId("ana")
                        .competencyId("ratio.concept")
                        .kind(EvidenceRequest.KindEnum.FORMATIVE)
                        .score(new ScoreJson().raw(4.0).min(0.0).max(10.0))
                        .source("client-test"));

        // then: the competency's score is the score sent, explained, and the next steps offer its activity
        assertThat(update.getEvidenceId()).isEqualTo("e-1");
        MasteryChangeJson change = update.getMasteryChanges().stream()
                .filter(c -> c.getCompetencyId().equals("ratio.concept"))
                .findFirst()
                .orElseThrow();
        assertThat(change.getToScore()).isEqualTo(0.4);
        assertThat(change.getExplanation()).isNotBlank();
        assertThat(learners.getNextSteps("ana").getNextSteps())
                .extracting(NextStepJson::getActivityId)
                .contains("concept-video")
                .doesNotContain("tables-practice");
        assertThat(learners.getLearner("ana").getEvidenceCount()).isEqualTo(1L);
    }

    @Test
    void refusalsArriveAsProblemsNamingTheFieldAndTheRole() throws ApiException {
        Map<Role, String> keys = district();
        EvidenceRequest evidence = new EvidenceRequest()
                .id("e-1")
                .learnerId("ghost")
                .competencyId("ratio.concept")
                .kind(EvidenceRequest.KindEnum.FORMATIVE)
                .score(new ScoreJson().raw(4.0).min(0.0).max(10.0));

        ApiException unknown = catchThrowableOfType(
                ApiException.class, () -> new EvidenceApi(client(keys.get(Role.PLATFORM))).postEvidence(evidence));
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(unknown.getResponseBody()).contains("\"field\":\"learnerId\"", "\"value\":\"ghost\"");

        ApiException forbidden = catchThrowableOfType(
                ApiException.class, () -> new EvidenceApi(client(keys.get(Role.TEACHER))).postEvidence(evidence));
        assertThat(forbidden.getCode()).isEqualTo(403);
        assertThat(forbidden.getResponseBody()).contains("allowed: platform and admin");
    }

    /** A district with a framework, two activities and the learner ana, set up through the client; its keys. */
    private Map<Role, String> district() throws ApiException {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "client-" + marker;
        Map<Role, String> keys = context.getBean(TenantService.class).createWithNewKeys(tenant, "Client " + marker);
        context.getBean(TenantService.class).addSchool(tenant, "north", "North");
        ApiClient curriculum = client(keys.get(Role.CURRICULUM));
        new FrameworksApi(curriculum)
                .saveFramework(new FrameworkJson()
                        .id("ratios")
                        .name("Ratios")
                        .competencies(List.of(
                                new CompetencyJson().id("ratio").name("Ratio reasoning"),
                                new CompetencyJson()
                                        .id("ratio.concept")
                                        .name("Understand ratios")
                                        .parentId("ratio"),
                                new CompetencyJson()
                                        .id("ratio.tables")
                                        .name("Ratio tables")
                                        .parentId("ratio")
                                        .prerequisiteIds(List.of("ratio.concept")))));
        new ActivitiesApi(curriculum)
                .createActivities(List.of(
                        Map.of(
                                "id",
                                "concept-video",
                                "title",
                                "Ratios on video",
                                "competencyIds",
                                List.of("ratio.concept"),
                                "kind",
                                "LESSON",
                                "modality",
                                "VIDEO",
                                "grouping",
                                "INDIVIDUAL",
                                "online",
                                true,
                                "estimatedMinutes",
                                20),
                        Map.of(
                                "id",
                                "tables-practice",
                                "title",
                                "Ratio tables",
                                "competencyIds",
                                List.of("ratio.tables"),
                                "kind",
                                "PRACTICE",
                                "modality",
                                "TEXT",
                                "grouping",
                                "INDIVIDUAL",
                                "online",
                                true,
                                "estimatedMinutes",
                                20)));
        assertThat(new LearnersApi(client(keys.get(Role.PLATFORM)))
                        .putLearner("ana", new ProfileJson().grade(7).schoolId("north"))
                        .getLearnerId())
                .isEqualTo("ana");

        return keys;
    }

    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", key));
        return client;
    }
}
