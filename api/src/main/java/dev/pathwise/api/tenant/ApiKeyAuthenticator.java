package dev.pathwise.api.tenant;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds the caller behind an API key, by the key's hash; a revoked key finds nobody. */
@Service
public class ApiKeyAuthenticator {

    private final JdbcClient jdbc;

    public ApiKeyAuthenticator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Caller> authenticate(String apiKey) {
        return authenticateHash(ApiKeys.hash(apiKey));
    }

    /** The caller behind the key with this SHA-256 hash (as a browser session keeps it). */
    public Optional<Caller> authenticateHash(String keyHash) {
        return jdbc.sql("select tenant_id, role, label from api_keys where key_hash = :hash"
                        + " and revoked_at is null")
                .param("hash", keyHash)
                .query((rs, n) -> new Caller(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
    }
}
