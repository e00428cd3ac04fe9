package dev.pathwise.api.config;

import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.compiler.CompiledRuleStore;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import dev.pathwise.rules.DefaultPolicyPack;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The engine as beans: one policy runtime with the default pack active, one stateless evaluator, the clock. */
@Configuration(proxyBeanMethods = false)
public class EngineConfig {

    /** The server's clock: evaluations get their {@code now} from it, the engine never reads a clock itself. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * How much CPU time and memory one evaluation's rules may take ({@code pathwise.evaluation.cpu-limit},
     * {@code memory-limit}, {@code stop-grace}) before they are stopped and the evaluation answered with 422.
     */
    @Bean
    EvaluationLimits evaluationLimits(Environment environment) {
        // read as the start-up compile reads them, so that both see the same limits
        return DefaultPackCompile.limits(environment);
    }

    /**
     * The runtime with the default pack active: the pack compiled at start on its own thread ({@link
     * DefaultPackCompile}) when it was compiled under these limits, else compiled here. Rule sets compiled before
     * are taken from the {@link CompiledRuleStore} the start-up compile used (or one of the same directory), counted
     * in {@code pathwise.policy.rule-sets.reused} and {@code .refused}.
     */
    @Bean
    PolicyRuntime policyRuntime(
            EvaluationLimits limits,
            @Qualifier(DefaultPackCompile.BEAN) ObjectProvider<DefaultPackCompile.Started> startedCompile,
            Environment environment,
            MeterRegistry registry) {
        DefaultPackCompile.Started started = startedCompile.getIfAvailable();
        CompiledRuleStore store =
                started != null && started.store() != null ? started.store() : DefaultPackCompile.store(environment);
        if (store != null) {
            FunctionCounter.builder("pathwise.policy.rule-sets.reused", store, CompiledRuleStore::reusedCount)
                    .description("Compiled rule sets taken from the store on disk instead of being compiled")
                    .register(registry);
            FunctionCounter.builder("pathwise.policy.rule-sets.refused", store, CompiledRuleStore::refusedCount)
                    .description("Compiled rule sets on disk that could not be read or failed the sandbox's check,"
                            + " dropped and compiled again")
                    .register(registry);
        }
        PolicyRuntime runtime = new PolicyRuntime(32, idleSessionsPerRuleSet(), limits, store);
        CompiledPolicy compiled = started == null ? null : started.take(limits, idleSessionsPerRuleSet());
        if (compiled != null) {
            runtime.activate(compiled);
        } else {
            runtime.activate(DefaultPolicyPack.source());
        }
        return runtime;
    }

    /** Idle rule sessions kept per compiled rule set: two per core. */
    static int idleSessionsPerRuleSet() {
        return Runtime.getRuntime().availableProcessors() * 2;
    }

    /** Evaluations whose rules fire more than {@code pathwise.evaluation.firing-limit} times are cut off. */
    @Bean
    PathwayEvaluator pathwayEvaluator(
            @Value("${pathwise.evaluation.firing-limit:" + PathwayEvaluator.DEFAULT_FIRING_LIMIT + "}")
                    int firingLimit) {
        return new PathwayEvaluator(firingLimit);
    }
}
