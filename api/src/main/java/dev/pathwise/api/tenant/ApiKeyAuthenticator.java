package dev.pathwise.api.tenant;

import dev.pathwise.api.problem.ApiProblem;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds the caller behind an API key, by the key's hash. A revoked key finds nobody; a key of a disabled tenant or
 * of a disabled user is refused with a 401 that says so. A key of a user takes the user's roles as they are now.
 */
@Service
public class ApiKeyAuthenticator {

    private final JdbcClient jdbc;

    public ApiKeyAuthenticator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Found(
            String tenantId,
            String role,
            String label,
            String tenantStatus,
            String userId,
            String username,
            String name,
            String userRoles,
            String userStatus) {}

    /** The caller, or empty for an unknown or revoked key; an {@link ApiProblem} for a disabled tenant or user. */
    public Optional<Caller> authenticate(String apiKey) {
        return authenticateHash(ApiKeys.hash(apiKey));
    }

    /** The caller behind the key with this SHA-256 hash (as a browser session keeps it). */
    public Optional<Caller> authenticateHash(String keyHash) {
        return jdbc.sql("select k.tenant_id, k.role, k.label, t.status, u.user_id, u.username,"
                        + " trim(concat(coalesce(u.given_name, ''), ' ', coalesce(u.family_name, ''))), u.roles,"
                        + " u.status from api_keys k join tenants t on t.id = k.tenant_id"
                        + " left join users u on u.tenant_id = k.tenant_id and u.user_id = k.user_id"
                        + " where k.key_hash = :hash and k.revoked_at is null")
                .param("hash", keyHash)
                .query((rs, n) -> new Found(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .optional()
                .map(ApiKeyAuthenticator::caller);
    }

    private static Caller caller(Found found) {
        requireActiveTenant(found.tenantId(), found.tenantStatus());
        if (found.role() != null) {
            return Caller.ofKey(found.tenantId(), Role.valueOf(found.role()), found.label());
        }
        if (found.userId() == null || !"active".equals(found.userStatus())) {
            throw ApiProblem.unauthorized("the user of this API key is disabled; ask your admin");
        }
        return new Caller(
                found.tenantId(),
                Role.parseAll(found.userRoles()),
                found.label(),
                new Caller.Person(found.userId(), found.username(), found.name()));
    }

    /** A disabled tenant is refused as a whole: its keys, sessions and sign-ins. */
    public static void requireActiveTenant(String tenantId, String status) {
        if (!"active".equals(status)) {
            throw ApiProblem.unauthorized("tenant '" + tenantId + "' is disabled; its keys are refused until the"
                    + " operator of this deployment enables it again");
        }
    }
}
