package dev.pathwise.engine.policy.compiler;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rule sets kept on disk between starts: taken instead of compiled, deciding exactly as a fresh compile does, and
 * never trusted more than one: a kept set whose code the sandbox refuses, or that cannot be read, is dropped and the
 * rule files compiled again.
 */
class CompiledRuleStoreTest {

    private final PathwayEvaluator evaluator = new PathwayEvaluator();

    @TempDir
    Path directory;

    @Test
    void aRuleSetCompiledOnceIsTakenFromTheStoreAndDecidesAsAFreshCompileDoes() {
        // given: the policy compiled once with the store, which keeps its rule sets
        CompiledRuleStore first = new CompiledRuleStore(directory);
        CompiledPolicy compiled = compile(first);
        assertThat(first.reusedCount()).isZero();
        assertThat(kept()).isNotEmpty();

        // when: it is compiled again with a new store on the same directory (a restart)
        CompiledRuleStore second = new CompiledRuleStore(directory);
        CompiledPolicy reused = compile(second);

        // then: every rule set is taken from the store, and the same evidence gets the same update and state
        assertThat(second.reusedCount()).isEqualTo(kept().size());
        assertThat(second.refusedCount()).isZero();
        assertThat(run(reused)).isEqualTo(run(compiled));
        assertThat(run(reused)).isEqualTo(run(new PolicyCompiler(1, EvaluationLimits.DEFAULT).compile(source())));
    }

    @Test
    void aKeptRuleSetWhoseCodeTheSandboxRefusesIsDroppedAndCompiledAgain() throws IOException {
        // given: a kept rule set whose model class was changed on disk to call System.exit
        compile(new CompiledRuleStore(directory));
        Path jar = kept().get(0);
        rewrite(jar, CompiledRuleStoreTest::callingSystemExit);

        // when: the policy is compiled with the store
        CompiledRuleStore store = new CompiledRuleStore(directory);
        CompiledPolicy policy = compile(store);

        // then: the changed set is refused, not loaded; the rule files are compiled again and decide as before
        assertThat(store.refusedCount()).isEqualTo(1);
        assertThat(store.lastRefusal()).contains("rule sandbox").contains("exit");
        assertThat(store.reusedCount()).isEqualTo(kept().size() - 1);
        assertThat(run(policy)).isEqualTo(run(new PolicyCompiler(1, EvaluationLimits.DEFAULT).compile(source())));

        // and: the set kept now is the fresh compile's, taken at the next start
        CompiledRuleStore next = new CompiledRuleStore(directory);
        compile(next);
        assertThat(next.refusedCount()).isZero();
        assertThat(next.reusedCount()).isEqualTo(kept().size());
    }

    @Test
    void aKeptRuleSetThatCannotBeReadIsCompiledAgain() throws IOException {
        // given: a kept rule set cut short on disk
        compile(new CompiledRuleStore(directory));
        Path jar = kept().get(0);
        byte[] whole = Files.readAllBytes(jar);
        Files.write(jar, java.util.Arrays.copyOf(whole, whole.length / 3));

        // when
        CompiledRuleStore store = new CompiledRuleStore(directory);
        CompiledPolicy policy = compile(store);

        // then
        assertThat(store.refusedCount()).isEqualTo(1);
        assertThat(store.lastRefusal()).contains("cannot be read");
        assertThat(run(policy)).isEqualTo(run(new PolicyCompiler(1, EvaluationLimits.DEFAULT).compile(source())));
    }

    @Test
    void otherRuleTextIsNotTakenForTheKeptOne() {
        // given: the minimal policy kept
        compile(new CompiledRuleStore(directory));

        // when: a policy whose mastery file differs by one comment line is compiled with the store
        CompiledRuleStore store = new CompiledRuleStore(directory);
        var changed = MinimalPolicy.source(
                "2",
                0.80,
                List.of(
                        new RuleFile("mastery.drl", MinimalPolicy.MASTERY.content() + "\n// one more line\n"),
                        MinimalPolicy.PATH));
        new PolicyCompiler(1, EvaluationLimits.DEFAULT, store).compile(changed);

        // then: nothing kept is taken for it
        assertThat(store.reusedCount()).isZero();
    }

    private CompiledPolicy compile(CompiledRuleStore store) {
        return new PolicyCompiler(1, EvaluationLimits.DEFAULT, store).compile(source());
    }

    private static dev.pathwise.engine.policy.PolicySource source() {
        return MinimalPolicy.source("1");
    }

    /** The updates and states of a learner taken through three pieces of evidence. */
    private List<Object> run(CompiledPolicy policy) {
        List<Object> seen = new ArrayList<>();
        LearnerSnapshot learner = freshLearner("ada");
        int i = 0;
        for (double score : new double[] {0.3, 0.7, 0.95}) {
            Evidence evidence = onCompetency("e" + i, "ada", "count", score, 9);
            Evaluation evaluation =
                    evaluator.evaluate(policy, CURRICULUM, learner, evidence, START.plusSeconds(3600L * ++i));
            seen.add(evaluation.update());
            seen.add(evaluation.learner());
            learner = evaluation.learner();
        }
        return seen;
    }

    private List<Path> kept() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Rewrites the kept set's model class with the change. */
    private static void rewrite(Path jar, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        String model = new String(entries.get("META-INF/pathwise/models"), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElseThrow();
        String file = model.replace('.', '/') + ".class";
        assertThat(entries).containsKey(file);
        entries.put(file, change.apply(entries.get(file)));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    /** The class with one more static method, which calls {@code System.exit(0)}. */
    private static byte[] callingSystemExit(byte[] code) {
        ClassNode node = new ClassNode();
        new ClassReader(code).accept(node, 0);
        MethodNode exit = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "quit", "()V", null, null);
        InsnList body = new InsnList();
        body.add(new InsnNode(Opcodes.ICONST_0));
        body.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false));
        body.add(new InsnNode(Opcodes.RETURN));
        exit.instructions = body;
        exit.maxStack = 1;
        node.methods.add(exit);
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        return writer.toByteArray();
    }
}
