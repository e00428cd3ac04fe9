package dev.pathwise.api.config;

import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.compiler.CompiledRuleStore;
import dev.pathwise.engine.policy.compiler.PolicyCompiler;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import dev.pathwise.rules.DefaultPolicyPack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Compiles the default policy pack on its own thread from the moment the application context is created, so that
 * the compile (about 3 s of CPU on a cold JVM) runs alongside Spring reading its configuration, Flyway and the web
 * server's start instead of after them. {@link EngineConfig#policyRuntime} takes the result when the limits it was
 * compiled under are the context's; otherwise (or if the compile failed here) it compiles the pack itself, so the
 * outcome is the same either way, only sooner. Added by {@code PathwiseApplication.main}, so the tests' contexts
 * compile as before.
 */
public class DefaultPackCompile implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPackCompile.class);
    public static final String BEAN = "pathwise.defaultPackCompile";

    /** The compile under way: the limits it uses, the store of compiled rule sets it uses (or null), its result. */
    record Started(
            EvaluationLimits limits,
            int maxIdleSessions,
            CompiledRuleStore store,
            CompletableFuture<CompiledPolicy> result) {

        /** The compiled pack when it was compiled for these settings, else null. */
        CompiledPolicy take(EvaluationLimits wanted, int wantedIdleSessions) {
            if (!limits.equals(wanted) || maxIdleSessions != wantedIdleSessions) {
                return null;
            }
            try {
                return result.join();
            } catch (CompletionException failed) {
                LOG.warn(
                        "The default policy pack did not compile at start ({}); compiling it again", failed.getCause());
                return null;
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getEnvironment().getProperty("pathwise.startup.parallel-compile", Boolean.class, true)) {
            return;
        }
        EvaluationLimits limits = limits(context.getEnvironment());
        int idle = EngineConfig.idleSessionsPerRuleSet();
        CompiledRuleStore store = store(context.getEnvironment());
        CompletableFuture<CompiledPolicy> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    long started = System.nanoTime();
                    try {
                        result.complete(new PolicyCompiler(idle, limits, store).compile(DefaultPolicyPack.source()));
                        LOG.info(
                                "Start-up: default policy pack compiled in {} ms alongside the context's start{}",
                                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                                store == null
                                        ? ""
                                        : " (" + store.reusedCount() + " rule sets taken from " + store.directory()
                                                + ")");
                    } catch (RuntimeException | Error failed) {
                        result.completeExceptionally(failed);
                    }
                },
                "pathwise-default-pack-compile");
        thread.setDaemon(true);
        thread.start();
        context.getBeanFactory().registerSingleton(BEAN, new Started(limits, idle, store, result));
    }

    /**
     * Where compiled rule sets are kept between starts: {@code pathwise.policy.compiled-rules-dir} (default {@code
     * <pathwise.data-dir>/compiled-rules}); null, so that every start compiles, with {@code
     * pathwise.policy.keep-compiled-rules=false}. Read here for the start-up compile and by {@link EngineConfig}.
     */
    static CompiledRuleStore store(Environment environment) {
        if (!environment.getProperty("pathwise.policy.keep-compiled-rules", Boolean.class, true)) {
            return null;
        }
        String directory = environment.getProperty("pathwise.policy.compiled-rules-dir");
        if (directory == null || directory.isBlank()) {
            directory = environment.getProperty("pathwise.data-dir", "./data") + "/compiled-rules";
        }
        return new CompiledRuleStore(Path.of(directory));
    }

    /**
     * The evaluation limits from {@code pathwise.evaluation.cpu-limit} (default 200ms), {@code memory-limit} (256MB)
     * and {@code stop-grace} (50ms): read here for the start-up compile and by {@link EngineConfig#evaluationLimits}.
     */
    static EvaluationLimits limits(Environment environment) {
        var conversion = ApplicationConversionService.getSharedInstance();
        Duration cpu =
                conversion.convert(environment.getProperty("pathwise.evaluation.cpu-limit", "200ms"), Duration.class);
        DataSize memory = conversion.convert(
                environment.getProperty("pathwise.evaluation.memory-limit", "256MB"), DataSize.class);
        Duration grace =
                conversion.convert(environment.getProperty("pathwise.evaluation.stop-grace", "50ms"), Duration.class);
        return new EvaluationLimits(cpu, memory.toBytes(), grace);
    }
}
