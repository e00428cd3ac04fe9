package dev.pathwise.api.flag;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.evidence.PathUpdateJson;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.LearnerScope;
import dev.pathwise.api.learner.LearnerSelection;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Builds the flag queue: each learner in scope is evaluated as they stand now (the same evaluation as their next
 * steps, nothing stored), and every flag it raises is listed: behind pace first, then struggling, then stalled,
 * the largest shortfall first within a kind.
 */
@Service
public class FlagQueue {

    /** The most flags one page holds. */
    public static final int MAX_LIMIT = 500;

    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;
    private final Clock clock;
    private final LearnerScope scope;

    public FlagQueue(
            LearnerRepository learners,
            CurriculumCache curricula,
            TenantPolicies policies,
            PathwayEvaluator evaluator,
            Clock clock,
            LearnerScope scope) {
        this.scope = scope;
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /**
     * One flag of one learner.
     *
     * @param amount  how far behind (pace) or how many results below the threshold (struggling), as the rule says
     * @param support the support the policy suggests: MINI_LESSON, SMALL_GROUP or TEACHER_CONFERENCE
     * @param why     the rule that raised it and its values
     */
    public record FlaggedJson(
            String learnerId,
            String schoolId,
            int grade,
            String gradeBand,
            String kind,
            String competencyId,
            String competencyName,
            String goalId,
            double amount,
            String support,
            PathUpdateJson.ExplanationJson why) {}

    /**
     * A page of the queue.
     *
     * @param learners learners evaluated (those in scope)
     * @param total    flags in the queue, every page
     * @param byKind   flags per kind, every page
     */
    public record QueueJson(
            String school,
            String gradeBand,
            String kind,
            Instant evaluatedAt,
            String policyVersion,
            int learners,
            int total,
            Map<String, Integer> byKind,
            int offset,
            int limit,
            List<FlaggedJson> flags) {}

    /** The queue of the learners the caller may read (a teacher: those of their classes), of a school or class. */
    public QueueJson queue(
            Caller caller,
            String school,
            String classId,
            String gradeBandText,
            String kindText,
            int offset,
            int limit) {
        String tenantId = caller.tenantId();
        if (offset < 0) {
            throw ApiProblem.invalid("offset", offset, "offset: " + offset + " must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", limit, "limit: " + limit + " must be between 1 and " + MAX_LIMIT);
        }
        GradeBand band = gradeBand(gradeBandText);
        FlagKind only = kind(kindText);
        Curriculum curriculum = curricula.curriculum(tenantId);
        Framework framework = curriculum.framework();
        CompiledPolicy policy = policies.active(tenantId);
        Instant now = clock.instant();
        List<FlaggedJson> flags = new ArrayList<>();
        int evaluated = 0;
        LearnerSelection selection = scope.selection(caller, school, classId, null);
        for (StoredLearner stored : learners.matching(tenantId, selection)) {
            LearnerSnapshot learner = stored.snapshot();
            GradeBand learnerBand = learner.profile().gradeBand();
            if (band != null && learnerBand != band) {
                continue;
            }
            evaluated++;
            for (PathUpdateJson.FlagJson flag : PathUpdateJson.of(evaluator.nextSteps(policy, curriculum, learner, now))
                    .flags()) {
                if (only != null && !flag.kind().equals(only.name())) {
                    continue;
                }
                flags.add(new FlaggedJson(
                        learner.learnerId(),
                        learner.profile().schoolId(),
                        learner.profile().grade(),
                        learnerBand.label(),
                        flag.kind(),
                        flag.competencyId(),
                        flag.competencyId() == null
                                ? null
                                : framework
                                        .find(flag.competencyId())
                                        .map(c -> c.name())
                                        .orElse(flag.competencyId()),
                        flag.goalId(),
                        flag.amount(),
                        flag.support(),
                        flag.why()));
            }
        }
        flags.sort(Comparator.<FlaggedJson>comparingInt(
                        f -> FlagKind.valueOf(f.kind()).ordinal())
                .thenComparing(Comparator.comparingDouble(FlaggedJson::amount).reversed())
                .thenComparing(FlaggedJson::learnerId)
                .thenComparing(f -> f.competencyId() == null ? "" : f.competencyId()));
        Map<String, Integer> byKind = new LinkedHashMap<>();
        Arrays.stream(FlagKind.values()).forEach(k -> byKind.put(k.name(), 0));
        flags.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
        int from = Math.min(offset, flags.size());
        return new QueueJson(
                selection.schoolId(),
                band == null ? null : band.label(),
                only == null ? null : only.name(),
                now,
                policy.versionLabel(),
                evaluated,
                flags.size(),
                byKind,
                offset,
                limit,
                List.copyOf(flags.subList(from, Math.min(flags.size(), from + limit))));
    }

    private static GradeBand gradeBand(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return GradeBand.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("gradeBand", text, "gradeBand: " + e.getMessage());
        }
    }

    private static FlagKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FlagKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(
                    "kind",
                    text,
                    "kind: '" + text + "' is not a flag kind; use one of " + Arrays.toString(FlagKind.values()));
        }
    }
}
