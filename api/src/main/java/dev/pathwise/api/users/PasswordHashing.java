package dev.pathwise.api.users;

import dev.pathwise.api.problem.ApiProblem;
import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords, hashed with Argon2id (Spring Security's crypto, its recommended parameters) and stored with the
 * algorithm's id ({@code {argon2}...}), so that a stronger setting later re-hashes at the next sign-in. A password
 * must be 12 to 200 characters and not the username.
 */
@Component
public class PasswordHashing {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder(
            "argon2",
            Map.of(
                    "argon2",
                    Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                    "bcrypt",
                    new BCryptPasswordEncoder()));

    /** A hash of a password that passed {@link #checkStrength}. */
    public String hash(String username, String password) {
        checkStrength(username, password);
        return encoder.encode(password);
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null || password.length() > MAX_LENGTH) {
            return false;
        }
        try {
            return encoder.matches(password, storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the stored hash was made with weaker settings than today's: hash the password again. */
    public boolean needsRehash(String storedHash) {
        return encoder.upgradeEncoding(storedHash);
    }

    /** Refuses a password that is too short, too long, or the username itself. */
    static void checkStrength(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiProblem.invalid(
                    "password",
                    null,
                    "password: use at least " + MIN_LENGTH + " characters (a few"
                            + " unrelated words make a strong one)");
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiProblem.invalid("password", null, "password: use at most " + MAX_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(username) || password.chars().distinct().count() < 4) {
            throw ApiProblem.invalid(
                    "password",
                    null,
                    "password: too easy to guess (the username, or fewer than 4"
                            + " different characters); choose another");
        }
    }
}
