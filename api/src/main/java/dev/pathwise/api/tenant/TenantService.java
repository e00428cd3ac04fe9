package dev.pathwise.api.tenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.problem.ApiProblem;

/**
 * Creates tenants with their API keys and schools, and manages keys: a new key is random, shown once and stored
 * only as its SHA-256 hash; a key is listed by its public id and revoked by it.
 */
@Service
public class TenantService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TenantPolicies policies;

    public TenantService(JdbcClient jdbc, Clock clock, TenantPolicies policies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policies = policies;
    }

    /** A key as listed: never its secret. */
    public record KeyJson(String id, String role, String label, Instant createdAt, Instant revokedAt) {
    }

    /** A key just created: the only time its secret is shown. */
    public record CreatedKey(String id, String role, String label, Instant createdAt, String key) {
    }

    /** The tenant's name, as it was created. */
    public String name(String tenantId) {
        return jdbc.sql("select name from tenants where id = :t").param("t", tenantId).query(String.class).optional()
                .orElse(tenantId);
    }

    public boolean anyTenant() {
        return jdbc.sql("select count(*) from tenants").query(Long.class).single() > 0;
    }

    /** Creates a tenant with one key per role given (raw keys; only their hashes are kept) and the default policy. */
    @Transactional
    public void create(String tenantId, String name, Map<Role, String> keys) {
        OffsetDateTime now = now();
        jdbc.sql("insert into tenants (id, name, created_at) values (:id, :name, :at)")
                .param("id", tenantId).param("name", name).param("at", now).update();
        keys.forEach((role, key) -> addKey(tenantId, role, key, role.label() + "-key"));
        policies.recordActivation(tenantId);
    }

    /** Creates a tenant with a fresh random key per role and answers with the keys (tests and provisioning). */
    @Transactional
    public Map<Role, String> createWithNewKeys(String tenantId, String name) {
        Map<Role, String> keys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            keys.put(role, newSecret());
        }
        create(tenantId, name, keys);
        return keys;
    }

    public String addKey(String tenantId, Role role, String rawKey, String label) {
        String id = "key-" + HexFormat.of().formatHex(randomBytes(8));
        jdbc.sql("insert into api_keys (key_hash, key_id, tenant_id, role, label, created_at)"
                        + " values (:h, :id, :t, :r, :l, :at)")
                .param("h", ApiKeys.hash(rawKey)).param("id", id).param("t", tenantId).param("r", role.name())
                .param("l", label).param("at", now()).update();
        return id;
    }

    /** A new random key for the tenant; the answer is the only place its secret ever appears. */
    public CreatedKey createKey(String tenantId, String roleText, String label) {
        if (roleText == null || roleText.isBlank()) {
            throw ApiProblem.invalid("role", null, "role: is required; use one of " + roleLabels());
        }
        Role role;
        try {
            role = Role.valueOf(roleText.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("role", InputLimits.text("role", roleText, InputLimits.NAME), "role: '"
                    + roleText + "' is not a role; use one of " + roleLabels());
        }
        String name = label == null || label.isBlank() ? role.label() + "-key" : label.strip();
        InputLimits.id("label", name);
        String secret = newSecret();
        String id = addKey(tenantId, role, secret, name);
        KeyJson stored = find(tenantId, id);
        return new CreatedKey(id, role.label(), name, stored.createdAt(), secret);
    }

    public List<KeyJson> keys(String tenantId) {
        return jdbc.sql("select key_id, role, label, created_at, revoked_at from api_keys where tenant_id = :t"
                        + " order by created_at, key_id")
                .param("t", tenantId).query((rs, n) -> key(rs)).list();
    }

    /** Revokes the key: from now on it is refused with 401. Revoking a revoked key changes nothing. */
    public KeyJson revoke(String tenantId, String keyId) {
        KeyJson key = find(tenantId, keyId);
        jdbc.sql("update api_keys set revoked_at = :at where tenant_id = :t and key_id = :id and revoked_at is null")
                .param("at", now()).param("t", tenantId).param("id", keyId).update();
        return key.revokedAt() != null ? key : find(tenantId, keyId);
    }

    public void addSchool(String tenantId, String schoolId, String name) {
        jdbc.sql("insert into schools (tenant_id, school_id, name) values (:t, :s, :n)")
                .param("t", tenantId).param("s", schoolId).param("n", name).update();
    }

    private KeyJson find(String tenantId, String keyId) {
        return jdbc.sql("select key_id, role, label, created_at, revoked_at from api_keys where tenant_id = :t"
                        + " and key_id = :id")
                .param("t", tenantId).param("id", keyId).query((rs, n) -> key(rs)).optional()
                .orElseThrow(() -> ApiProblem.notFound("keyId", keyId, "key '" + keyId
                        + "' does not exist in this tenant; GET /v1/keys lists the keys"));
    }

    private static KeyJson key(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime revoked = rs.getObject(5, OffsetDateTime.class);
        return new KeyJson(rs.getString(1), Role.valueOf(rs.getString(2)).label(), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant());
    }

    private static List<String> roleLabels() {
        return java.util.Arrays.stream(Role.values()).map(Role::label).toList();
    }

    private static String newSecret() {
        return "pw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
