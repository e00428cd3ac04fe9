package dev.pathwise.api.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pathwise.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHashingTest {

    private final PasswordHashing passwords = new PasswordHashing();

    @Test
    void aPasswordIsKeptAsAnArgon2HashThatOnlyItMatches() {
        String hash = passwords.hash("rivera", "correct horse battery staple");

        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("correct horse");
        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(passwords.hash("rivera", "correct horse battery staple"))
                .as("salted")
                .isNotEqualTo(hash);
        assertThat(passwords.needsRehash(hash)).isFalse();
    }

    @Test
    void anOlderBcryptHashStillMatchesAndAsksToBeHashedAgain() {
        String old = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("an older passphrase");

        assertThat(passwords.matches("an older passphrase", old)).isTrue();
        assertThat(passwords.needsRehash(old)).isTrue();
        assertThat(passwords.matches("anything", "not a hash at all")).isFalse();
    }

    @Test
    void weakPasswordsAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> passwords.hash("rivera", "short"))
                .isInstanceOf(ApiProblem.class)
                .hasMessage("password: use at least 12 characters (a few unrelated words make a strong one)")
                .extracting("value")
                .isNull();
        assertThatThrownBy(() -> passwords.hash("rivera-teacher", "RIVERA-TEACHER"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageStartingWith("password: too easy to guess");
        assertThatThrownBy(() -> passwords.hash("rivera", "aaaaaaaaaaaaaaaa"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageStartingWith("password: too easy to guess");
    }
}
