package dev.pathwise.engine.scenario;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.NextStepOption;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.facts.Flag;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Plays scenarios through a compiled policy. Every scenario file in a folder is run (files without 'then', such as
 * the shared framework, are not scenarios); a scenario that cannot be read fails with the reason.
 */
public final class ScenarioRunner {

    private final CompiledPolicy policy;
    private final PathwayEvaluator evaluator = new PathwayEvaluator();
    private final Map<Path, Curriculum> curricula = new HashMap<>();

    public ScenarioRunner(CompiledPolicy policy) {
        this.policy = policy;
    }

    /** Runs every scenario file ({@code *.yaml}) in a folder, in file-name order. */
    public List<ScenarioResult> runFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list scenarios in " + folder, e);
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : files) {
            try {
                if (ScenarioFile.isScenario(file)) {
                    results.add(run(file));
                }
            } catch (ScenarioException e) {
                results.add(new ScenarioResult(
                        file.getFileName().toString(), file.getFileName().toString(), false, e.getMessage()));
            }
        }
        return results;
    }

    /** Runs one scenario file. */
    public ScenarioResult run(Path file) {
        Scenario scenario;
        try {
            scenario = ScenarioFile.read(file);
        } catch (ScenarioException e) {
            return new ScenarioResult(
                    file.getFileName().toString(), file.getFileName().toString(), false, e.getMessage());
        }
        Path frameworkFile = file.resolveSibling(scenario.framework());
        try {
            Curriculum curriculum = curricula.computeIfAbsent(frameworkFile, CurriculumFile::read);
            String difference = firstDifference(scenario, curriculum);
            return new ScenarioResult(scenario.name(), scenario.file(), difference.isEmpty(), difference);
        } catch (ScenarioException | IllegalArgumentException e) {
            return new ScenarioResult(scenario.name(), scenario.file(), false, e.getMessage());
        } catch (UncheckedIOException e) {
            return new ScenarioResult(
                    scenario.name(),
                    scenario.file(),
                    false,
                    "framework '" + scenario.framework() + "' cannot be read next to the scenario: "
                            + e.getCause().getMessage());
        }
    }

    private String firstDifference(Scenario scenario, Curriculum curriculum) {
        Map<String, CompetencyRecord> records = new HashMap<>();
        scenario.givenLevels().forEach((id, level) -> {
            curriculum.framework().get(id);
            records.put(id, CompetencyRecord.empty(id).withState(new MasteryState(id, level, 0.0, 0, "given", null)));
        });
        LearnerSnapshot learner = new LearnerSnapshot(scenario.profile(), records, List.of());
        Map<String, MasteryChange> lastChange = new HashMap<>();
        PathUpdate last = null;
        Instant clock = null;
        List<Evidence> all = new ArrayList<>(scenario.givenEvidence());
        all.addAll(scenario.whenEvidence());
        for (Evidence evidence : all) {
            Evaluation evaluation = evaluator.evaluate(policy, curriculum, learner, evidence, evidence.observedAt());
            learner = evaluation.learner();
            last = evaluation.update();
            clock = evidence.observedAt();
            evaluation.update().masteryChanges().forEach(c -> lastChange.put(c.competencyId(), c));
        }
        if (scenario.asOf() != null || last == null) {
            Instant now = scenario.asOf() != null
                    ? scenario.asOf()
                    : clock != null
                            ? clock
                            : scenario.profile().planStart() != null
                                    ? scenario.profile()
                                            .planStart()
                                            .atStartOfDay(java.time.ZoneOffset.UTC)
                                            .toInstant()
                                    : Instant.parse("2026-09-07T09:00:00Z");
            last = evaluator.nextSteps(policy, curriculum, learner, now);
        }
        Scenario.Expected expected = scenario.expected();
        if (expected.levels() != null) {
            for (Map.Entry<String, MasteryLevel> entry : expected.levels().entrySet()) {
                MasteryLevel actual = learner.level(entry.getKey());
                if (actual != entry.getValue()) {
                    MasteryChange change = lastChange.get(entry.getKey());
                    return "level of " + entry.getKey() + ": expected "
                            + entry.getValue().label() + ", got " + actual.label()
                            + (change == null ? "" : " (" + change.why() + ")");
                }
            }
        }
        if (expected.flags() != null) {
            List<Scenario.ExpectedFlag> actual = last.flags().stream()
                    .map(f -> new Scenario.ExpectedFlag(f.kind(), f.competencyId()))
                    .toList();
            for (Scenario.ExpectedFlag flag : expected.flags()) {
                if (!actual.contains(flag)) {
                    return "flags: expected " + flag + ", got " + (actual.isEmpty() ? "no flags" : actual);
                }
            }
            for (Flag flag : last.flags()) {
                Scenario.ExpectedFlag seen = new Scenario.ExpectedFlag(flag.kind(), flag.competencyId());
                if (!expected.flags().contains(seen)) {
                    return "flags: did not expect " + seen + " (" + flag.why() + ")";
                }
            }
        }
        List<String> steps =
                last.nextSteps().stream().map(NextStepOption::activityId).toList();
        if (expected.nextSteps() != null && !expected.nextSteps().equals(steps)) {
            for (int i = 0; i < Math.max(steps.size(), expected.nextSteps().size()); i++) {
                String want =
                        i < expected.nextSteps().size() ? expected.nextSteps().get(i) : null;
                String got = i < steps.size() ? steps.get(i) : null;
                if (!Objects.equals(want, got)) {
                    return "next step " + (i + 1) + ": expected " + (want == null ? "none" : want) + ", got "
                            + (got == null ? "none" : got) + " (all: " + steps + ")";
                }
            }
        }
        if (expected.nextStepsAnyOrder() != null) {
            for (String want : expected.nextStepsAnyOrder()) {
                if (!steps.contains(want)) {
                    return "next steps: expected " + want + " among them, got " + steps;
                }
            }
            for (String got : steps) {
                if (!expected.nextStepsAnyOrder().contains(got)) {
                    return "next steps: did not expect " + got + " (all: " + steps + ")";
                }
            }
        }
        if (expected.optionCount() != null && expected.optionCount() != steps.size()) {
            return "option count: expected " + expected.optionCount() + ", got " + steps.size()
                    + (last.optionLimit() == null ? "" : " (" + last.optionLimit() + ")");
        }
        return "";
    }
}
