package dev.pathwise.engine.scenario;

import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.MasteryLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario file:
 * <pre>
 * scenario: A grade 4 learner masters RP.1 at the district threshold
 * framework: framework.yaml          # next to the scenario
 * learner: { grade: 4, school: north, planStart: 2026-09-07, modalities: [video], goals: [...] }
 * given:
 *   levels: { RP.1: mastered }
 *   evidence: [ { competency: RP.2, score: 0.5, kind: formative } ]
 * when:
 *   - { competency: RP.2, score: 0.9, kind: summative }        # 'at' optional: one hour after the previous
 * then:
 *   levels: { RP.2: approaching }
 *   flags: [ { kind: struggling, competency: RP.2 } ]          # exactly these; [] for none
 *   nextSteps: [RP.3-check, RP.3-lesson]                         # in order; or nextStepsAnyOrder
 *   optionCount: 2
 *   asOf: 2026-10-05T09:00:00Z                                   # optional: read flags and steps at this time
 * </pre>
 */
public final class ScenarioFile {

    private static final List<String> TOP = List.of("scenario", "framework", "learner", "given", "when", "then");

    private ScenarioFile() {}

    /** True for a file that holds a scenario (it has 'then'), as opposed to a framework file. */
    public static boolean isScenario(Path file) {
        Object root = CurriculumFile.load(file);
        return root instanceof Map<?, ?> map && map.containsKey("then");
    }

    public static Scenario read(Path file) {
        String fileName = file.getFileName().toString();
        YamlFields fields = new YamlFields(fileName);
        Map<String, Object> root = fields.map(CurriculumFile.load(file), "");
        fields.onlyKeys(root, "", TOP);
        String name = String.valueOf(root.getOrDefault("scenario", fileName));
        String framework = String.valueOf(root.getOrDefault("framework", "framework.yaml"));

        Map<String, Object> learner = fields.map(root.get("learner"), "learner");
        fields.onlyKeys(
                learner, "learner", List.of("id", "grade", "school", "planStart", "modalities", "interests", "goals"));
        LocalDate planStart = fields.date(learner.get("planStart"), "learner.planStart");
        List<Goal> goals = new ArrayList<>();
        int index = 0;
        for (Object item : fields.list(learner.get("goals"), "learner.goals")) {
            String field = "learner.goals[" + index++ + "]";
            Map<String, Object> goal = fields.map(item, field);
            goals.add(new Goal(
                    fields.text(goal, "id", field, true),
                    fields.text(goal, "description", field, false),
                    fields.strings(goal.get("competencies"), field + ".competencies"),
                    fields.date(goal.get("targetDate"), field + ".targetDate")));
        }
        List<Modality> modalities = fields.strings(learner.get("modalities"), "learner.modalities").stream()
                .map(m -> fields.constant(Modality.class, m, "learner.modalities"))
                .toList();
        Object grade = learner.get("grade");
        if (grade == null) {
            throw fields.problem("learner.grade", "is missing; write the learner's grade, 0 for kindergarten");
        }
        LearnerProfile profile;
        try {
            profile = new LearnerProfile(
                    String.valueOf(learner.getOrDefault("id", "learner")),
                    (int) fields.number(grade, "learner.grade"),
                    fields.text(learner, "school", "learner", false),
                    fields.strings(learner.get("interests"), "learner.interests"),
                    List.of(),
                    List.of(),
                    modalities,
                    null,
                    goals,
                    planStart);
        } catch (IllegalArgumentException e) {
            throw fields.problem("learner", e.getMessage());
        }

        Instant start = (planStart != null ? planStart : LocalDate.of(2026, 9, 7))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(Duration.ofHours(9));
        EvidenceReader evidence = new EvidenceReader(fields, profile.learnerId(), start);
        Map<String, Object> given = fields.map(root.get("given"), "given");
        fields.onlyKeys(given, "given", List.of("levels", "evidence"));
        Map<String, MasteryLevel> givenLevels = levels(fields, given.get("levels"), "given.levels");
        List<Evidence> givenEvidence = evidence.read(given.get("evidence"), "given.evidence");
        List<Evidence> whenEvidence = evidence.read(root.get("when"), "when");

        Map<String, Object> then = fields.map(root.get("then"), "then");
        fields.onlyKeys(
                then, "then", List.of("levels", "flags", "nextSteps", "nextStepsAnyOrder", "optionCount", "asOf"));
        List<Scenario.ExpectedFlag> flags = null;
        if (then.containsKey("flags")) {
            flags = new ArrayList<>();
            index = 0;
            for (Object item : fields.list(then.get("flags"), "then.flags")) {
                String field = "then.flags[" + index++ + "]";
                Map<String, Object> flag = fields.map(item, field);
                fields.onlyKeys(flag, field, List.of("kind", "competency"));
                flags.add(new Scenario.ExpectedFlag(
                        fields.constant(FlagKind.class, flag.get("kind"), field + ".kind"),
                        fields.text(flag, "competency", field, false)));
            }
        }
        Scenario.Expected expected = new Scenario.Expected(
                then.containsKey("levels") ? levels(fields, then.get("levels"), "then.levels") : null,
                flags,
                then.containsKey("nextSteps") ? fields.strings(then.get("nextSteps"), "then.nextSteps") : null,
                then.containsKey("nextStepsAnyOrder")
                        ? fields.strings(then.get("nextStepsAnyOrder"), "then.nextStepsAnyOrder")
                        : null,
                then.containsKey("optionCount")
                        ? (int) fields.number(then.get("optionCount"), "then.optionCount")
                        : null);
        Instant asOf = then.containsKey("asOf") ? fields.instant(then.get("asOf"), "then.asOf") : null;
        return new Scenario(
                name, fileName, framework, profile, givenLevels, givenEvidence, whenEvidence, asOf, expected);
    }

    private static Map<String, MasteryLevel> levels(YamlFields fields, Object value, String field) {
        Map<String, MasteryLevel> levels = new LinkedHashMap<>();
        fields.map(value, field)
                .forEach((id, level) -> levels.put(id, fields.constant(MasteryLevel.class, level, field + "." + id)));
        return levels;
    }

    /** Evidence items in order; an item without 'at' comes one hour after the previous one. */
    private static final class EvidenceReader {

        private final YamlFields fields;
        private final String learnerId;
        private Instant clock;
        private int counter;

        EvidenceReader(YamlFields fields, String learnerId, Instant start) {
            this.fields = fields;
            this.learnerId = learnerId;
            this.clock = start;
        }

        List<Evidence> read(Object value, String field) {
            List<Evidence> evidence = new ArrayList<>();
            int index = 0;
            for (Object item : fields.list(value, field)) {
                String at = field + "[" + index++ + "]";
                Map<String, Object> e = fields.map(item, at);
                fields.onlyKeys(e, at, List.of("competency", "activity", "score", "kind", "at", "id"));
                Instant observed = e.containsKey("at") ? fields.instant(e.get("at"), at + ".at") : clock;
                try {
                    evidence.add(new Evidence(
                            String.valueOf(e.getOrDefault("id", "e" + (++counter))),
                            learnerId,
                            fields.text(e, "competency", at, false),
                            fields.text(e, "activity", at, false),
                            Score.fraction(fields.number(e.get("score"), at + ".score")),
                            fields.constant(EvidenceKind.class, e.getOrDefault("kind", "formative"), at + ".kind"),
                            "scenario",
                            observed));
                } catch (IllegalArgumentException ex) {
                    throw fields.problem(at, ex.getMessage());
                }
                clock = observed.plus(Duration.ofHours(1));
            }
            return evidence;
        }
    }
}
