package dev.pathwise.api.signin;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.api.users.PasswordHashing;
import dev.pathwise.api.users.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password. Every refusal is the same 401, whether the username exists or not (a hash is
 * checked either way, so the time does not tell either); after {@value #MAX_FAILURES} failures in a row the
 * account is held for {@link #HOLD}, and a correct password is refused meanwhile.
 */
@Service
public class PasswordSignIn {

    static final int MAX_FAILURES = 5;
    static final Duration HOLD = Duration.ofMinutes(15);

    /** A hash of nothing anyone knows: checked when the username is unknown, so the answer takes as long. */
    private final String decoyHash;

    private final UserRepository users;
    private final TenantService tenants;
    private final PasswordHashing passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public PasswordSignIn(
            UserRepository users, TenantService tenants, PasswordHashing passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = passwords.hash("decoy", dev.pathwise.api.tenant.KeyService.newSecret());
    }

    /**
     * The user whose username and password these are. {@code tenantId} may be left out when the username is used in
     * one tenant only.
     */
    public UserRepository.User signIn(String tenantId, String username, String password) {
        if (username == null || username.isBlank() || username.length() > 100) {
            throw ApiProblem.invalid("username", null, "username: is required (at most 100 characters)");
        }
        if (password == null || password.isEmpty()) {
            throw ApiProblem.invalid("password", null, "password: is required");
        }
        List<UserRepository.User> candidates = tenantId == null || tenantId.isBlank()
                ? users.everyWithUsername(username.strip())
                : users.byUsername(tenantId.strip(), username.strip()).stream().toList();
        UserRepository.User user = candidates.size() == 1 ? candidates.get(0) : null;
        if (user == null || user.passwordHash() == null) {
            passwords.matches(password, decoyHash);
            throw refused();
        }
        Instant now = clock.instant();
        UserRepository.SignInState state = users.signInState(user.tenantId(), user.id());
        boolean held = state.lockedUntil() != null && state.lockedUntil().isAfter(now);
        boolean matches = passwords.matches(password, user.passwordHash());
        if (held || !matches || !user.active()) {
            if (!matches) {
                boolean hold = state.failures() + 1 >= MAX_FAILURES;
                users.signInFailed(user.tenantId(), user.id(), hold ? now.plus(HOLD) : null);
                if (hold && !held) {
                    audit.record(
                            user.tenantId(),
                            user.id(),
                            user.username(),
                            "user.sign-in-held",
                            "user",
                            user.id(),
                            MAX_FAILURES + " failed passwords in a row; held for " + HOLD.toMinutes() + " minutes");
                }
            }
            throw refused();
        }
        ApiKeyAuthenticator.requireActiveTenant(
                user.tenantId(), tenants.require(user.tenantId()).status());
        users.signedIn(user.tenantId(), user.id(), now);
        if (passwords.needsRehash(user.passwordHash())) {
            users.setPasswordHash(user.tenantId(), user.id(), passwords.hash(user.username(), password), now);
        }
        return user;
    }

    private static ApiProblem refused() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "password",
                null,
                "unknown username or wrong"
                        + " password (after " + MAX_FAILURES + " failures in a row, an account is held for "
                        + HOLD.toMinutes()
                        + " minutes; if your username is used in several districts, send tenant too)",
                null);
    }
}
