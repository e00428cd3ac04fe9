package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.pathwise.api.evidence.EvidenceRequest;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.api.testing.Http;
import dev.pathwise.engine.evidence.Score;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of evidence input, over generated values: a score within its scale is accepted, one outside is refused
 * naming {@code score.raw}; evidence survives a JSON round trip whatever its text; any unknown field is refused and
 * named. The mapper is configured as the service's request reader is.
 */
class EvidencePropertiesTest {

    private static final ObjectMapper JSON = Http.JSON.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Property(tries = 2_000)
    void anyScoreWithinItsScaleIsAccepted(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(6) double min,
            @ForAll @DoubleRange(min = 1e-3, max = 1e6) @Scale(6) double span,
            @ForAll @DoubleRange(min = 0, max = 1) @Scale(9) double fraction) {
        double max = min + span;
        Score score = new Score(min + fraction * span, min, max);

        assertThat(score.normalized()).isBetween(0.0, 1.0);
    }

    @Property(tries = 2_000)
    void anyScoreOutsideItsScaleIsRefusedNamingScoreRaw(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(6) double min,
            @ForAll @DoubleRange(min = 1e-3, max = 1e6) @Scale(6) double span,
            @ForAll @DoubleRange(min = 1e-3, max = 1e9) @Scale(6) double beyond,
            @ForAll boolean above) {
        double max = min + span;
        double raw = above ? max + beyond : min - beyond;

        IllegalArgumentException refused =
                catchThrowableOfType(IllegalArgumentException.class, () -> new Score(raw, min, max));

        ApiProblem problem = Problems.fromEngine(refused, "score", raw);
        assertThat(problem.field()).isEqualTo("score.raw");
        assertThat(problem.status().value()).isEqualTo(400);
    }

    @Property(tries = 1_000)
    void evidenceSurvivesAJsonRoundTrip(
            @ForAll("text") String id,
            @ForAll("text") String source,
            @ForAll double raw,
            @ForAll("instants") Instant observedAt)
            throws Exception {
        EvidenceRequest evidence = new EvidenceRequest(
                id,
                "learner-" + id,
                "ratio.concept",
                null,
                new EvidenceRequest.ScoreJson(raw, 0.0, 10.0),
                "FORMATIVE",
                source,
                observedAt);

        EvidenceRequest read = JSON.readValue(JSON.writeValueAsString(evidence), EvidenceRequest.class);

        assertThat(read).isEqualTo(evidence);
    }

    @Property(tries = 1_000)
    void anyUnknownFieldIsRefusedAndNamed(@ForAll @StringLength(min = 1, max = 30) String name) {
        if (java.util.Set.of("id", "learnerId", "competencyId", "activityId", "score", "kind", "source", "observedAt")
                .contains(name)) {
            return;
        }
        String body = "{\"id\": \"e\", \"learnerId\": \"l\", " + Http.JSON.valueToTree(name) + ": 1}";

        UnrecognizedPropertyException refused = catchThrowableOfType(
                UnrecognizedPropertyException.class, () -> JSON.readValue(body, EvidenceRequest.class));

        ApiProblem problem = ProblemAdvice.unreadableJson(refused);
        assertThat(problem.field()).isEqualTo(name);
        assertThat(problem.getMessage()).contains("unknown field");
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings()
                .all()
                .ofMinLength(1)
                .ofMaxLength(60)
                .filter(s -> s.codePoints().allMatch(Character::isValidCodePoint));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
    }
}
