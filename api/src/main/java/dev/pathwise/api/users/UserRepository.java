package dev.pathwise.api.users;

import dev.pathwise.api.tenant.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table, always by tenant. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user as stored; {@code passwordHash} never leaves the service. */
    public record User(
            String tenantId,
            String id,
            String username,
            String givenName,
            String familyName,
            String email,
            Set<Role> roles,
            String status,
            String passwordHash) {

        public boolean active() {
            return "active".equals(status);
        }

        /** The same person with this password hash ({@code null}: none). */
        public User withPasswordHash(String hash) {
            return new User(tenantId, id, username, givenName, familyName, email, roles, status, hash);
        }

        /** The same person with this status (active or disabled). */
        public User withStatus(String newStatus) {
            return new User(tenantId, id, username, givenName, familyName, email, roles, newStatus, passwordHash);
        }

        /** "Maria Núñez", or empty when the user has no name. */
        public String name() {
            return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        }
    }

    private static final String SELECT = "select tenant_id, user_id, username, given_name, family_name, email, roles,"
            + " status, password_hash from users";

    public Optional<User> find(String tenantId, String userId) {
        return jdbc.sql(SELECT + " where tenant_id = :t and user_id = :u")
                .param("t", tenantId)
                .param("u", userId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Optional<User> byUsername(String tenantId, String username) {
        return jdbc.sql(SELECT + " where tenant_id = :t and username = :u")
                .param("t", tenantId)
                .param("u", username)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Users of any tenant with this username (sign-in without a tenant). */
    public List<User> everyWithUsername(String username) {
        return jdbc.sql(SELECT + " where username = :u order by tenant_id")
                .param("u", username)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Users of the tenant with this e-mail address, compared without case. */
    public List<User> byEmail(String tenantId, String email) {
        return jdbc.sql(SELECT + " where tenant_id = :t and lower(email) = lower(:e) order by user_id")
                .param("t", tenantId)
                .param("e", email)
                .query((rs, n) -> row(rs))
                .list();
    }

    public List<User> all(String tenantId) {
        return jdbc.sql(SELECT + " where tenant_id = :t order by user_id")
                .param("t", tenantId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public List<String> ids(String tenantId) {
        return jdbc.sql("select user_id from users where tenant_id = :t order by user_id")
                .param("t", tenantId)
                .query(String.class)
                .list();
    }

    public void insert(User user, Instant at) {
        jdbc.sql(
                        "insert into users (tenant_id, user_id, username, given_name, family_name, email, roles, status,"
                                + " password_hash, created_at, updated_at) values (:t, :u, :n, :g, :f, :e, :r, :s, :p, :at, :at)")
                .paramSource(values(user, at).addValue("p", user.passwordHash()))
                .update();
    }

    /** Writes everything but the password hash. */
    public void update(User user, Instant at) {
        jdbc.sql("update users set username = :n, given_name = :g, family_name = :f, email = :e, roles = :r,"
                        + " status = :s, updated_at = :at where tenant_id = :t and user_id = :u")
                .paramSource(values(user, at))
                .update();
    }

    /** The columns an insert and an update both write: all but the password hash. */
    private static MapSqlParameterSource values(User user, Instant at) {
        return new MapSqlParameterSource()
                .addValue("t", user.tenantId())
                .addValue("u", user.id())
                .addValue("n", user.username())
                .addValue("g", user.givenName())
                .addValue("f", user.familyName())
                .addValue("e", user.email())
                .addValue("r", Role.storeAll(user.roles()))
                .addValue("s", user.status())
                .addValue("at", utc(at));
    }

    public void setPasswordHash(String tenantId, String userId, String hash, Instant at) {
        jdbc.sql("update users set password_hash = :p, updated_at = :at where tenant_id = :t and user_id = :u")
                .param("p", hash)
                .param("at", utc(at))
                .param("t", tenantId)
                .param("u", userId)
                .update();
    }

    /** Failed password sign-ins in a row, and until when the account is held after too many. */
    public record SignInState(int failures, Instant lockedUntil) {}

    public SignInState signInState(String tenantId, String userId) {
        return jdbc.sql("select failed_sign_ins, locked_until from users where tenant_id = :t and user_id = :u")
                .param("t", tenantId)
                .param("u", userId)
                .query((rs, n) -> new SignInState(
                        rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(2, OffsetDateTime.class).toInstant()))
                .single();
    }

    /** Counts a failed password; holds the account until {@code lockUntil} when given. */
    public void signInFailed(String tenantId, String userId, Instant lockUntil) {
        jdbc.sql("update users set failed_sign_ins = failed_sign_ins + 1, locked_until = coalesce(:l, locked_until)"
                        + " where tenant_id = :t and user_id = :u")
                .param("l", lockUntil == null ? null : utc(lockUntil))
                .param("t", tenantId)
                .param("u", userId)
                .update();
    }

    public void signedIn(String tenantId, String userId, Instant at) {
        jdbc.sql("update users set failed_sign_ins = 0, locked_until = null, last_sign_in_at = :at"
                        + " where tenant_id = :t and user_id = :u")
                .param("at", utc(at))
                .param("t", tenantId)
                .param("u", userId)
                .update();
    }

    public void delete(String tenantId, String userId) {
        jdbc.sql("delete from users where tenant_id = :t and user_id = :u")
                .param("t", tenantId)
                .param("u", userId)
                .update();
    }

    private static User row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Role.parseAll(rs.getString(7)),
                rs.getString(8),
                rs.getString(9));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
