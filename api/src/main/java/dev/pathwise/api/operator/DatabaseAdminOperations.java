package dev.pathwise.api.operator;

import dev.pathwise.api.PathwiseApplication;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.TenantService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code pathwise admin} on the database: the service's own beans in a context without a web server and without
 * the demo, the schema migrated by Flyway first, so a district can be created before the service ever ran.
 */
final class DatabaseAdminOperations implements AdminOperations {

    private static final String ACTOR = "operator (command line)";

    private final ConfigurableApplicationContext context;
    private final TenantAdministration tenants;
    private final OperatorKeys operatorKeys;
    private final TransactionTemplate transactions;

    private DatabaseAdminOperations(ConfigurableApplicationContext context) {
        this.context = context;
        this.tenants = context.getBean(TenantAdministration.class);
        this.operatorKeys = context.getBean(OperatorKeys.class);
        this.transactions = context.getBean(TransactionTemplate.class);
    }

    static DatabaseAdminOperations open(List<String> springArgs) {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--pathwise.demo.enabled=false");
        args.add("--pathwise.policy.watch-dir=");
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.org.flywaydb=WARN");
        args.add("--logging.level.org.drools=ERROR");
        args.add("--logging.level.org.kie=ERROR");
        args.add("--spring.main.lazy-initialization=true");
        try {
            return new DatabaseAdminOperations(new SpringApplicationBuilder(PathwiseApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(args.toArray(String[]::new)));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String reason = String.valueOf(root.getMessage());
            throw new Unavailable(
                    "Could not open the database: " + reason.lines().findFirst().orElse(reason)
                            + (reason.contains("already in use") || reason.contains("locked")
                                    ? "\nThe service is running on this H2 file: stop it, or use --url <service-url> with"
                                            + " PATHWISE_OPERATOR_KEY"
                                    : ""),
                    e);
        }
    }

    @Override
    public List<TenantService.TenantJson> list() {
        return tenants.list();
    }

    @Override
    public TenantService.CreatedTenant create(String tenantId, String name) {
        return tenants.create(ACTOR, tenantId, name);
    }

    @Override
    public TenantService.TenantJson disable(String tenantId) {
        return tenants.disable(ACTOR, tenantId);
    }

    @Override
    public TenantService.TenantJson enable(String tenantId) {
        return tenants.enable(ACTOR, tenantId);
    }

    @Override
    public KeyService.CreatedKey adminKey(String tenantId, String label) {
        return tenants.adminKey(ACTOR, tenantId, label);
    }

    @Override
    public OperatorKeys.CreatedOperatorKey createOperatorKey(String scope, String label) {
        return transactions.execute(s -> operatorKeys.create(scope, label));
    }

    @Override
    public List<OperatorKeys.OperatorKey> operatorKeys() {
        return operatorKeys.list();
    }

    @Override
    public OperatorKeys.OperatorKey revokeOperatorKey(String keyId) {
        return transactions.execute(s -> operatorKeys.revoke(keyId));
    }

    @Override
    public void close() {
        context.close();
    }
}
