package dev.pathwise.api.tenant;

import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.school.SchoolRepository;
import dev.pathwise.engine.spelling.Suggestions;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants (districts): created with their first keys and the default policy, listed, disabled and enabled again.
 * The {@code tenants} table's SQL lives here.
 */
@Service
public class TenantService {

    /** A tenant id: lower-case letters, digits and '-', 2 to 64 characters, starting with a letter or digit. */
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,63}";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TenantPolicies policies;
    private final KeyService keys;
    private final SchoolRepository schools;

    public TenantService(
            JdbcClient jdbc, Clock clock, TenantPolicies policies, KeyService keys, SchoolRepository schools) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policies = policies;
        this.keys = keys;
        this.schools = schools;
    }

    /** A tenant as the operator sees it. */
    public record TenantJson(
            String id,
            String name,
            String status,
            Instant createdAt,
            Instant disabledAt,
            long schools,
            long learners,
            long users) {}

    /** A tenant just created, with its first admin key: the only time that key's secret is shown. */
    public record CreatedTenant(TenantJson tenant, KeyService.CreatedKey adminKey) {}

    /** The tenant's name, as it was created. */
    public String name(String tenantId) {
        return jdbc.sql("select name from tenants where id = :t")
                .param("t", tenantId)
                .query(String.class)
                .optional()
                .orElse(tenantId);
    }

    public boolean anyTenant() {
        return jdbc.sql("select count(*) from tenants").query(Long.class).single() > 0;
    }

    /** Creates a tenant with one key per role given (raw keys; only their hashes are kept) and the default policy. */
    @Transactional
    public void create(String tenantId, String name, Map<Role, String> roleKeys) {
        insert(tenantId, name);
        roleKeys.forEach((role, key) -> keys.addKey(tenantId, role, key, role.label() + "-key"));
        policies.recordActivation(tenantId);
    }

    /** Creates a tenant with a fresh random key per role and answers with the keys (tests and provisioning). */
    @Transactional
    public Map<Role, String> createWithNewKeys(String tenantId, String name) {
        Map<Role, String> roleKeys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roleKeys.put(role, KeyService.newSecret());
        }
        create(tenantId, name, roleKeys);
        return roleKeys;
    }

    /**
     * Creates a district from nothing: the tenant, the default policy and one admin key, whose secret is in the
     * answer only. The id is checked ({@value #ID_PATTERN}); an id in use is a 409.
     */
    @Transactional
    public CreatedTenant createWithAdminKey(String tenantId, String name) {
        String id = checkId(tenantId);
        if (name == null || name.isBlank()) {
            throw ApiProblem.invalid("name", name, "name: is required, such as 'North Valley School District'");
        }
        dev.pathwise.api.limits.InputLimits.text("name", name, dev.pathwise.api.limits.InputLimits.NAME);
        if (find(id).isPresent()) {
            throw ApiProblem.conflict(
                    "tenant-exists",
                    "id",
                    id,
                    "id: tenant '" + id + "' already exists; choose"
                            + " another id, or create a key for it (POST /v1/operator/tenants/" + id + "/keys)");
        }
        insert(id, name.strip());
        policies.recordActivation(id);
        KeyService.CreatedKey key = keys.createKey(id, Role.ADMIN.label(), "first-admin-key");
        return new CreatedTenant(require(id), key);
    }

    public List<TenantJson> list() {
        return jdbc.sql(SELECT + " order by t.id").query((rs, n) -> row(rs)).list();
    }

    /** The tenant's status ({@code active} or {@code disabled}) in one cheap query; empty when there is no such tenant. */
    public java.util.Optional<String> status(String tenantId) {
        return jdbc.sql("select status from tenants where id = :t")
                .param("t", tenantId)
                .query(String.class)
                .optional();
    }

    public java.util.Optional<TenantJson> find(String tenantId) {
        return jdbc.sql(SELECT + " where t.id = :t")
                .param("t", tenantId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public TenantJson require(String tenantId) {
        return find(tenantId)
                .orElseThrow(() -> ApiProblem.notFound(
                        "tenantId",
                        tenantId,
                        "tenant '" + tenantId + "' does not exist." + Suggestions.idHint(tenantId, ids())
                                + " GET /v1/operator/tenants lists them"));
    }

    /** Disables the tenant: its data stays, its keys and sign-ins are refused. Disabling twice changes nothing. */
    public TenantJson disable(String tenantId) {
        require(tenantId);
        jdbc.sql("update tenants set status = 'disabled', disabled_at = :at where id = :t and status = 'active'")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("t", tenantId)
                .update();
        return require(tenantId);
    }

    public TenantJson enable(String tenantId) {
        require(tenantId);
        jdbc.sql("update tenants set status = 'active', disabled_at = null where id = :t")
                .param("t", tenantId)
                .update();
        return require(tenantId);
    }

    public void addSchool(String tenantId, String schoolId, String name) {
        schools.insert(tenantId, schoolId, name);
    }

    private static final String SELECT = "select t.id, t.name, t.status, t.created_at, t.disabled_at,"
            + " (select count(*) from schools s where s.tenant_id = t.id),"
            + " (select count(*) from learners l where l.tenant_id = t.id),"
            + " (select count(*) from users u where u.tenant_id = t.id) from tenants t";

    private static TenantJson row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime disabled = rs.getObject(5, OffsetDateTime.class);
        return new TenantJson(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                disabled == null ? null : disabled.toInstant(),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8));
    }

    private void insert(String tenantId, String name) {
        jdbc.sql("insert into tenants (id, name, created_at, status) values (:id, :name, :at, 'active')")
                .param("id", tenantId)
                .param("name", name)
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    private List<String> ids() {
        return jdbc.sql("select id from tenants order by id")
                .query(String.class)
                .list();
    }

    private static String checkId(String tenantId) {
        if (tenantId == null || !tenantId.matches(ID_PATTERN)) {
            throw ApiProblem.invalid(
                    "id",
                    tenantId == null ? null : dev.pathwise.api.limits.InputLimits.text("id", tenantId, 200),
                    "id: '" + tenantId + "' is not a tenant id; use 2 to 64 lower-case letters,"
                            + " digits and '-', such as 'north-valley'");
        }
        return tenantId;
    }
}
