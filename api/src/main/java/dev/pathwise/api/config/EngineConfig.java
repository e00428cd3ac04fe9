package dev.pathwise.api.config;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.rules.DefaultPolicyPack;

/** The engine as beans: one policy runtime with the default pack active, one stateless evaluator, the clock. */
@Configuration(proxyBeanMethods = false)
public class EngineConfig {

    /** The server's clock: evaluations get their {@code now} from it, the engine never reads a clock itself. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PolicyRuntime policyRuntime() {
        PolicyRuntime runtime = new PolicyRuntime();
        runtime.activate(DefaultPolicyPack.source());
        return runtime;
    }

    /** Evaluations whose rules fire more than {@code pathwise.evaluation.firing-limit} times are cut off. */
    @Bean
    PathwayEvaluator pathwayEvaluator(@Value("${pathwise.evaluation.firing-limit:"
            + PathwayEvaluator.DEFAULT_FIRING_LIMIT + "}") int firingLimit) {
        return new PathwayEvaluator(firingLimit);
    }
}
