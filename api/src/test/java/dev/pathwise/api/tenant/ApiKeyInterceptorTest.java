package dev.pathwise.api.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyInterceptorTest {

    @Test
    void theRolesAllowedAreListedOnceInWordsWithAdminLast() {
        assertThat(ApiKeyInterceptor.allowedWords(Role.PLATFORM)).isEqualTo("allowed: platform and admin");
        assertThat(ApiKeyInterceptor.allowedWords(Role.CURRICULUM, Role.TEACHER))
                .isEqualTo("allowed: teacher, curriculum and admin");
    }

    @Test
    void anEndpointForAdminsSaysSoWithoutRepeatingAdmin() {
        assertThat(ApiKeyInterceptor.allowedWords()).isEqualTo("allowed to admin only");
        assertThat(ApiKeyInterceptor.allowedWords(Role.ADMIN)).isEqualTo("allowed to admin only");
    }
}
