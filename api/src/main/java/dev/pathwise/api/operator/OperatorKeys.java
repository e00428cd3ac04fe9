package dev.pathwise.api.operator;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.ApiKeys;
import dev.pathwise.api.tenant.KeyService;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code operator_keys} table: keys of the people who run the deployment. Scope {@code operator} manages tenants
 * and reads metrics; scope {@code metrics} only reads metrics (for a Prometheus scraper). Random, shown once, stored
 * as SHA-256 like tenant keys.
 */
@Repository
public class OperatorKeys {

    public static final String OPERATOR = "operator";
    public static final String METRICS = "metrics";

    private final JdbcClient jdbc;
    private final Clock clock;

    public OperatorKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key as listed (never its secret). */
    public record OperatorKey(String id, String scope, String label, Instant createdAt, Instant revokedAt) {}

    /** A key just created: the only time its secret is shown. */
    public record CreatedOperatorKey(String id, String scope, String label, Instant createdAt, String key) {}

    public CreatedOperatorKey create(String scope, String label) {
        if (!OPERATOR.equals(scope) && !METRICS.equals(scope)) {
            throw ApiProblem.invalid(
                    "scope", scope, "scope: '" + scope + "' is not a scope; use 'operator' or" + " 'metrics'");
        }
        String name = label == null || label.isBlank() ? scope + "-key" : label.strip();
        dev.pathwise.api.limits.InputLimits.resourceId("label", name);
        String secret = "pwo_" + KeyService.newSecret().substring(3);
        String id = "opkey-" + HexFormat.of().formatHex(randomId());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("insert into operator_keys (key_hash, key_id, scope, label, created_at) values (:h, :id, :s, :l, :at)")
                .param("h", ApiKeys.hash(secret))
                .param("id", id)
                .param("s", scope)
                .param("l", name)
                .param("at", now)
                .update();
        return new CreatedOperatorKey(id, scope, name, now.toInstant(), secret);
    }

    /** The key behind a secret, unless unknown or revoked. */
    public Optional<OperatorKey> authenticate(String secret) {
        return jdbc.sql("select key_id, scope, label, created_at, revoked_at from operator_keys where key_hash = :h"
                        + " and revoked_at is null")
                .param("h", ApiKeys.hash(secret))
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<OperatorKey> list() {
        return jdbc.sql("select key_id, scope, label, created_at, revoked_at from operator_keys order by created_at,"
                        + " key_id")
                .query((rs, n) -> row(rs))
                .list();
    }

    public OperatorKey revoke(String keyId) {
        int updated = jdbc.sql("update operator_keys set revoked_at = :at where key_id = :id and revoked_at is null")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("id", keyId)
                .update();
        return list().stream()
                .filter(k -> k.id().equals(keyId))
                .findFirst()
                .orElseThrow(() -> updated == 0
                        ? ApiProblem.notFound(
                                "keyId",
                                keyId,
                                "operator key '" + keyId + "' does not exist;"
                                        + " 'pathwise admin operator-key list' lists them")
                        : new IllegalStateException(keyId));
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static byte[] randomId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static OperatorKey row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime revoked = rs.getObject(5, OffsetDateTime.class);
        return new OperatorKey(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
