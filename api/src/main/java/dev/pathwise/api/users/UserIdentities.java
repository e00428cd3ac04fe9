package dev.pathwise.api.users;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_identities} table: an OpenID Connect identity (issuer and subject) linked to one user. */
@Repository
public class UserIdentities {

    private final JdbcClient jdbc;

    public UserIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user an identity was linked to at an earlier sign-in. */
    public Optional<String> userOf(String tenantId, String issuer, String subject) {
        return jdbc.sql("select user_id from user_identities where tenant_id = :t and issuer = :i and subject = :s")
                .param("t", tenantId)
                .param("i", issuer)
                .param("s", subject)
                .query(String.class)
                .optional();
    }

    public void link(String tenantId, String issuer, String subject, String userId, String registrationId, Instant at) {
        jdbc.sql("insert into user_identities (tenant_id, issuer, subject, user_id, registration_id, created_at)"
                        + " values (:t, :i, :s, :u, :r, :at)")
                .param("t", tenantId)
                .param("i", issuer)
                .param("s", subject)
                .param("u", userId)
                .param("r", registrationId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void removeUser(String tenantId, String userId) {
        jdbc.sql("delete from user_identities where tenant_id = :t and user_id = :u")
                .param("t", tenantId)
                .param("u", userId)
                .update();
    }
}
