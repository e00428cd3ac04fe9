package dev.pathwise.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import dev.pathwise.rules.DefaultPolicyPack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class DefaultPackCompileTest {

    @Test
    void thePackCompiledAtStartIsTakenOnlyUnderTheLimitsItWasCompiledWith() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("pathwise.evaluation.cpu-limit", "150ms")));

        new DefaultPackCompile().initialize(context);

        DefaultPackCompile.Started started =
                context.getBeanFactory().getBean(DefaultPackCompile.BEAN, DefaultPackCompile.Started.class);
        EvaluationLimits configured =
                new EvaluationLimits(Duration.ofMillis(150), 256L * 1024 * 1024, Duration.ofMillis(50));
        assertThat(started.limits()).isEqualTo(configured);
        assertThat(started.take(
                        new EvaluationLimits(Duration.ofMillis(200), 256L * 1024 * 1024, Duration.ofMillis(50)),
                        EngineConfig.idleSessionsPerRuleSet()))
                .as("compiled under other limits: the runtime compiles the pack itself")
                .isNull();
        assertThat(started.take(configured, EngineConfig.idleSessionsPerRuleSet() + 1))
                .isNull();
        CompiledPolicy compiled = started.take(configured, EngineConfig.idleSessionsPerRuleSet());
        assertThat(compiled.contentHash()).isEqualTo(DefaultPolicyPack.source().contentHash());
        assertThat(compiled.version()).isEqualTo(DefaultPolicyPack.source().version());
    }

    @Test
    void turnedOffNothingIsCompiledAhead() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("pathwise.startup.parallel-compile", "false")));

        new DefaultPackCompile().initialize(context);

        assertThat(context.getBeanFactory().containsSingleton(DefaultPackCompile.BEAN))
                .isFalse();
    }
}
