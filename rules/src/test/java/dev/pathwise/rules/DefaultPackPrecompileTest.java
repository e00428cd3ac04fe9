package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.engine.evidence.EvidenceKind.SUMMATIVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.compiler.CompiledRuleStore;
import dev.pathwise.engine.policy.compiler.PolicyCompiler;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default pack compiled when this module is built ({@link DefaultPackPrecompile}, in the build's
 * process-classes phase): on the class path under {@link CompiledRuleStore#SEED}, taken by a service starting on an
 * empty data directory instead of compiling, copied into that directory, and deciding as a fresh compile does.
 */
class DefaultPackPrecompileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aFirstStartTakesTheDefaultPackCompiledAtBuildTime() throws IOException {
        // given: an empty directory of compiled rule sets, and the pack's rule sets on the class path
        CompiledRuleStore store = new CompiledRuleStore(dataDirectory);
        assertThat(getClass().getClassLoader().getResource(CompiledRuleStore.SEED))
                .as("the build's precompiled default pack")
                .isNotNull();

        // when: the default pack is compiled with it
        CompiledPolicy taken =
                new PolicyCompiler(1, EvaluationLimits.DEFAULT, store).compile(DefaultPolicyPack.source());

        // then: every rule set came from the class path, none was refused, and each is now kept in the directory
        assertThat(store.refusedCount()).isZero();
        assertThat(store.reusedCount()).isPositive();
        try (Stream<Path> kept = Files.list(dataDirectory)) {
            assertThat(kept.filter(f -> f.toString().endsWith(".jar"))).hasSize((int) store.reusedCount());
        }

        // and: learners of two grade bands get exactly what a fresh compile gives them
        assertThat(scenario(taken)).isEqualTo(scenario(LearnerScenario.DEFAULT_POLICY));
    }

    private static List<PathUpdate> scenario(CompiledPolicy policy) {
        List<PathUpdate> updates = new ArrayList<>();
        for (int grade : new int[] {4, 10}) {
            LearnerScenario learner = LearnerScenario.gradeLearner(grade, "north", policy);
            updates.add(learner.send("RP.1", 0.7, FORMATIVE));
            updates.add(learner.send("RP.1", 0.9, FORMATIVE));
            updates.add(learner.send("RP.1", 0.95, SUMMATIVE));
        }
        return updates;
    }
}
