package dev.pathwise.api.evidence;

import dev.pathwise.engine.evaluation.CompetencyEvent;
import dev.pathwise.engine.evaluation.LateArrival;
import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.NextStepOption;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.RequiredStep;
import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.facts.Flag;
import dev.pathwise.engine.policy.RuleFiring;
import java.time.Instant;
import java.util.List;

/** What one evaluation decided, as JSON: every decision with the rule and the sentence that explain it. */
public record PathUpdateJson(
        String learnerId,
        String evidenceId,
        String policyVersion,
        Instant evaluatedAt,
        List<MasteryChangeJson> masteryChanges,
        List<EventJson> unlocked,
        List<EventJson> droppedBack,
        List<FlagJson> flags,
        List<NextStepJson> nextSteps,
        List<RequiredStepJson> requiredSteps,
        ExplanationJson optionLimit,
        List<RuleFiringJson> trace,
        LateJson late) {

    /**
     * Set when the evidence was observed before evidence already counted: it was counted at its place in time and
     * the learner rebuilt. {@code null} when it counted after everything the learner had.
     */
    public record LateJson(Instant observedAt, Instant latestCounted, int countedAfter, int replayed, String text) {
        static LateJson of(LateArrival late) {
            return late == null
                    ? null
                    : new LateJson(late.at(), late.latestCounted(), late.countedAfter(), late.replayed(), late.text());
        }
    }

    /** The rule that decided (empty for a teacher override) and the sentence with its values. */
    /** Why: the rule that decided ({@code null} for a teacher override, which the text names) and the sentence. */
    public record ExplanationJson(String rule, String text) {
        static ExplanationJson of(Explanation e) {
            return e == null ? null : new ExplanationJson(e.rule().isEmpty() ? null : e.rule(), e.text());
        }
    }

    public record MasteryChangeJson(
            String competencyId,
            String from,
            String to,
            double fromScore,
            double toScore,
            String method,
            int evidenceCount,
            String explanation,
            ExplanationJson why,
            List<ExplanationJson> shortfalls) {
        static MasteryChangeJson of(MasteryChange c) {
            return new MasteryChangeJson(
                    c.competencyId(),
                    c.from().name(),
                    c.to().name(),
                    c.fromScore(),
                    c.toScore(),
                    c.method(),
                    c.evidenceCount(),
                    c.explanation(),
                    ExplanationJson.of(c.why()),
                    c.shortfalls().stream().map(ExplanationJson::of).toList());
        }
    }

    public record EventJson(String competencyId, ExplanationJson why) {
        static EventJson of(CompetencyEvent e) {
            return new EventJson(e.competencyId(), ExplanationJson.of(e.why()));
        }
    }

    /**
     * A flag for the teacher; {@code amount} (how far behind, how many results below approaching, how many pieces of
     * evidence) rounded to 2 decimals, as its explanation shows it.
     */
    public record FlagJson(
            String kind, String competencyId, String goalId, double amount, String support, ExplanationJson why) {
        static FlagJson of(Flag f) {
            return new FlagJson(
                    f.kind().name(),
                    f.competencyId(),
                    f.goalId(),
                    Math.round(f.amount() * 100) / 100.0,
                    f.support() == null ? null : f.support().name(),
                    ExplanationJson.of(f.why()));
        }
    }

    public record NextStepJson(
            int rank,
            String activityId,
            String competencyId,
            String kind,
            String modality,
            String grouping,
            boolean required,
            boolean remediation,
            List<String> reasons) {
        static NextStepJson of(NextStepOption o) {
            return new NextStepJson(
                    o.rank(),
                    o.activityId(),
                    o.competencyId(),
                    name(o.kind()),
                    name(o.modality()),
                    name(o.grouping()),
                    o.required(),
                    o.remediation(),
                    o.reasons());
        }
    }

    public record RequiredStepJson(String activityId, String competencyId, String reason, ExplanationJson why) {
        static RequiredStepJson of(RequiredStep s) {
            return new RequiredStepJson(
                    s.activityId(), s.competencyId(), s.reason().name(), ExplanationJson.of(s.why()));
        }
    }

    public record RuleFiringJson(String rule, String phase) {
        static RuleFiringJson of(RuleFiring f) {
            return new RuleFiringJson(f.rule(), f.phase());
        }
    }

    public static PathUpdateJson of(PathUpdate u) {
        return new PathUpdateJson(
                u.learnerId(),
                u.evidenceId(),
                u.policyVersion(),
                u.evaluatedAt(),
                u.masteryChanges().stream().map(MasteryChangeJson::of).toList(),
                u.unlocked().stream().map(EventJson::of).toList(),
                u.droppedBack().stream().map(EventJson::of).toList(),
                u.flags().stream().map(FlagJson::of).toList(),
                u.nextSteps().stream().map(NextStepJson::of).toList(),
                u.requiredSteps().stream().map(RequiredStepJson::of).toList(),
                ExplanationJson.of(u.optionLimit()),
                u.trace().stream().map(RuleFiringJson::of).toList(),
                LateJson.of(u.late()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
