package dev.pathwise.api.tenant;

import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The {@code api_keys} table: keys of the tenant (one role, held by a system) and keys of users (the user's roles).
 * A new key is random, shown once and stored only as its SHA-256 hash; a key is listed by its public id and
 * revoked by it.
 */
@Service
public class KeyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    public KeyService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key as listed: never its secret. {@code role} is null for a user's key, {@code userId} for a tenant's. */
    public record KeyJson(String id, String role, String userId, String label, Instant createdAt, Instant revokedAt) {}

    /** A key just created: the only time its secret is shown. */
    public record CreatedKey(String id, String role, String userId, String label, Instant createdAt, String key) {}

    public String addKey(String tenantId, Role role, String rawKey, String label) {
        return insert(tenantId, role, null, rawKey, label);
    }

    /** A key of a user with a secret chosen by the caller (the demo's well-known keys); only its hash is kept. */
    public String addUserKey(String tenantId, String userId, String rawKey, String label) {
        return insert(tenantId, null, userId, rawKey, label);
    }

    /** A new random key of the tenant with one role; the answer is the only place its secret ever appears. */
    public CreatedKey createKey(String tenantId, String roleText, String label) {
        if (roleText == null || roleText.isBlank()) {
            throw ApiProblem.invalid("role", null, "role: is required; use one of " + roleLabels());
        }
        Role role = Role.ofLabel(roleText)
                .orElseThrow(() -> ApiProblem.invalid(
                        "role",
                        InputLimits.text("role", roleText, InputLimits.NAME),
                        "role: '" + roleText + "' is not a role; use"
                                + " one of " + roleLabels()
                                + dev.pathwise.engine.spelling.Suggestions.nameHint(roleText, roleLabels())));
        String name = label(label, role.label() + "-key");
        String secret = newSecret();
        String id = insert(tenantId, role, null, secret, name);
        KeyJson stored = find(tenantId, id);
        return new CreatedKey(id, role.label(), null, name, stored.createdAt(), secret);
    }

    /** A new random key of a user (who must exist: checked by the caller); it carries the user's roles. */
    public CreatedKey createUserKey(String tenantId, String userId, String label) {
        String name = label(label, userId + "-key");
        String secret = newSecret();
        String id = insert(tenantId, null, userId, secret, name);
        KeyJson stored = find(tenantId, id);
        return new CreatedKey(id, null, userId, name, stored.createdAt(), secret);
    }

    public List<KeyJson> keys(String tenantId) {
        return jdbc.sql("select key_id, role, user_id, label, created_at, revoked_at from api_keys"
                        + " where tenant_id = :t order by created_at, key_id")
                .param("t", tenantId)
                .query((rs, n) -> key(rs))
                .list();
    }

    public List<KeyJson> keysOfUser(String tenantId, String userId) {
        return jdbc.sql("select key_id, role, user_id, label, created_at, revoked_at from api_keys"
                        + " where tenant_id = :t and user_id = :u order by created_at, key_id")
                .param("t", tenantId)
                .param("u", userId)
                .query((rs, n) -> key(rs))
                .list();
    }

    /** Revokes the key: from now on it is refused with 401. Revoking a revoked key changes nothing. */
    public KeyJson revoke(String tenantId, String keyId) {
        KeyJson key = find(tenantId, keyId);
        jdbc.sql("update api_keys set revoked_at = :at where tenant_id = :t and key_id = :id and revoked_at is null")
                .param("at", now())
                .param("t", tenantId)
                .param("id", keyId)
                .update();
        return key.revokedAt() != null ? key : find(tenantId, keyId);
    }

    /** Revokes every key of a user (when the user is disabled or removed); returns how many were revoked. */
    public int revokeAllOfUser(String tenantId, String userId) {
        return jdbc.sql("update api_keys set revoked_at = :at where tenant_id = :t and user_id = :u"
                        + " and revoked_at is null")
                .param("at", now())
                .param("t", tenantId)
                .param("u", userId)
                .update();
    }

    /** Revokes every key whose secret is one of {@code rawKeys} (well-known keys); returns how many were revoked. */
    public int revokeSecrets(List<String> rawKeys) {
        int revoked = 0;
        for (String raw : rawKeys) {
            revoked += jdbc.sql("update api_keys set revoked_at = :at where key_hash = :h and revoked_at is null")
                    .param("at", now())
                    .param("h", ApiKeys.hash(raw))
                    .update();
        }
        return revoked;
    }

    private KeyJson find(String tenantId, String keyId) {
        return jdbc.sql("select key_id, role, user_id, label, created_at, revoked_at from api_keys"
                        + " where tenant_id = :t and key_id = :id")
                .param("t", tenantId)
                .param("id", keyId)
                .query((rs, n) -> key(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound(
                        "keyId",
                        keyId,
                        "key '" + keyId + "' does not exist in this tenant; GET /v1/keys lists the keys"));
    }

    private String insert(String tenantId, Role role, String userId, String rawKey, String label) {
        String id = "key-" + HexFormat.of().formatHex(randomBytes(8));
        jdbc.sql("insert into api_keys (key_hash, key_id, tenant_id, role, user_id, label, created_at)"
                        + " values (:h, :id, :t, :r, :u, :l, :at)")
                .param("h", ApiKeys.hash(rawKey))
                .param("id", id)
                .param("t", tenantId)
                .param("r", role == null ? null : role.name())
                .param("u", userId)
                .param("l", label)
                .param("at", now())
                .update();
        return id;
    }

    private static String label(String given, String fallback) {
        String name = given == null || given.isBlank() ? fallback : given.strip();
        InputLimits.id("label", name);
        return name;
    }

    private static KeyJson key(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime revoked = rs.getObject(6, OffsetDateTime.class);
        String role = rs.getString(2);
        return new KeyJson(
                rs.getString(1),
                role == null ? null : Role.valueOf(role).label(),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static List<String> roleLabels() {
        return java.util.Arrays.stream(Role.values()).map(Role::label).toList();
    }

    /** A new random secret: "pw_" and 32 random bytes, URL-safe Base64. */
    public static String newSecret() {
        return "pw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
