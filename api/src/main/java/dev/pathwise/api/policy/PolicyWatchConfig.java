package dev.pathwise.api.policy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the {@link PolicyFolderWatcher} when {@code pathwise.policy.watch-dir} names a folder. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${pathwise.policy.watch-dir:}'.isBlank()")
class PolicyWatchConfig {

    @Bean(initMethod = "start", destroyMethod = "close")
    PolicyFolderWatcher policyFolderWatcher(
            @Value("${pathwise.policy.watch-dir}") Path folder,
            @Value("${pathwise.policy.watch-tenant:demo-district}") String tenantId,
            @Value("${pathwise.policy.watch-interval:2s}") Duration interval,
            PolicyPublishing publishing,
            TenantPolicies policies) {
        return new PolicyFolderWatcher(folder, tenantId, publishing, policies, interval);
    }
}
