package dev.pathwise.rules;

import dev.pathwise.engine.policy.compiler.CompiledRuleStore;
import dev.pathwise.engine.policy.compiler.PolicyCompiler;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Run by this module's build (after its classes are compiled): compiles the default policy pack once and writes its
 * compiled rule sets into the module's classes under {@link CompiledRuleStore#SEED}, so that the service takes them
 * instead of compiling the pack at its first start on a new data directory. They are checked by the rule sandbox
 * when they are loaded, as every compiled rule set is.
 *
 * <pre>java -cp &lt;class path&gt; dev.pathwise.rules.DefaultPackPrecompile &lt;directory&gt;</pre>
 */
public final class DefaultPackPrecompile {

    private DefaultPackPrecompile() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DefaultPackPrecompile <directory to write the rule sets to>");
        }
        Path directory = Path.of(args[0]);
        if (Files.isDirectory(directory)) {
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        long started = System.nanoTime();
        new PolicyCompiler(1, EvaluationLimits.DEFAULT, new CompiledRuleStore(directory))
                .compile(DefaultPolicyPack.source());
        try (Stream<Path> written = Files.list(directory)) {
            System.out.printf(
                    "Default policy pack %s compiled in %d ms: %d rule sets written to %s%n",
                    DefaultPolicyPack.VERSION, (System.nanoTime() - started) / 1_000_000, written.count(), directory);
        }
    }
}
