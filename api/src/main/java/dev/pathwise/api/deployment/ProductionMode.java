package dev.pathwise.api.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.demo.WellKnownKeys;
import dev.pathwise.api.operator.OperatorKeys;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Production mode, switched on with {@code pathwise.production=true} (environment {@code PATHWISE_PRODUCTION=true}):
 * no demo district is loaded, any key with a demo secret is revoked at start, and metrics need an operator key. Off,
 * the service behaves as the demo: open metrics, the demo district on an empty database.
 */
@Configuration(proxyBeanMethods = false)
public class ProductionMode {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionMode.class);

    private final boolean production;

    public ProductionMode(@Value("${pathwise.production:false}") boolean production) {
        this.production = production;
    }

    public boolean on() {
        return production;
    }

    /** In production mode, metrics under {@code /actuator} need an operator key; health and info stay open. */
    @Bean
    FilterRegistrationBean<MetricsKeyFilter> metricsKeyFilter(OperatorKeys keys, ObjectMapper json) {
        FilterRegistrationBean<MetricsKeyFilter> registration =
                new FilterRegistrationBean<>(new MetricsKeyFilter(keys, json));
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(production);
        return registration;
    }

    /** At start in production mode: the demo's well-known keys are revoked, and what to do next is logged. */
    @Bean
    @Order(-1)
    ApplicationRunner productionChecks(KeyService keys, TenantService tenants) {
        return (ApplicationArguments args) -> {
            if (!production) {
                return;
            }
            int revoked = keys.revokeSecrets(WellKnownKeys.secrets());
            if (revoked > 0) {
                LOG.warn("Production mode: revoked {} key(s) whose secret is a well-known demo key", revoked);
            }
            if (!tenants.anyTenant()) {
                LOG.warn("Production mode: no tenant yet. Create the first district with"
                        + " './pathwise admin tenant create <id> --name \"<name>\"' (prints its first admin key)");
            }
            LOG.info("Production mode: no demo data, demo keys refused, metrics behind an operator key");
        };
    }
}
