package dev.pathwise.api.session;

import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.signin.PasswordSignIn;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import dev.pathwise.api.users.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/session}: a sign-in by password or key, no key needed, a sign-out with CSRF. */
@ControllerSlice(SessionController.class)
class SessionControllerTest {

    private static final UserRepository.User RIVERA = new UserRepository.User(
            SliceKeys.TENANT, "rivera", "rivera", "Ana María", "Rivera", null, Set.of(Role.TEACHER), "active", "hash");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BrowserSessions sessions;

    @MockitoBean
    PasswordSignIn passwords;

    @Test
    void aPasswordSignInOpensASessionAndAnswersWhoIsSignedIn() throws Exception {
        given(passwords.signIn(null, "rivera", "correct horse")).willReturn(RIVERA);
        given(sessions.signInAsUser(any(), eq(RIVERA), eq(BrowserSessions.METHOD_PASSWORD)))
                .willReturn(new BrowserSessions.SessionJson(
                        SliceKeys.TENANT,
                        "District",
                        List.of("teacher"),
                        "Ana María Rivera (rivera)",
                        "rivera",
                        "password",
                        Instant.parse("2026-10-01T10:00:00Z"),
                        1800,
                        "csrf-1"));

        mvc.perform(json(null, post("/v1/session"), "{\"username\": \"rivera\", \"password\": \"correct horse\"}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"tenantId": "t-slice", "tenantName": "District", "roles": ["teacher"],
                                 "displayName": "Ana María Rivera (rivera)", "userId": "rivera",
                                 "signedInWith": "password", "signedInAt": "2026-10-01T10:00:00Z",
                                 "idleTimeoutSeconds": 1800, "csrfToken": "csrf-1"}""", JsonCompareMode.STRICT));
    }

    @Test
    void aKeyAndAPasswordTogetherAre400NamingApiKey() throws Exception {
        mvc.perform(json(
                        null,
                        post("/v1/session"),
                        "{\"apiKey\": \"admin-key\", \"username\": \"rivera\", \"password\": \"x\"}"))
                .andExpect(Refusals.invalid("apiKey"));

        verifyNoInteractions(passwords);
        verify(sessions, never()).signInWithApiKey(any(), any());
    }

    @Test
    void aSignInWithAKeyPassesTheKeyOn() throws Exception {
        mvc.perform(json(null, post("/v1/session"), "{\"apiKey\": \"admin-key\"}"))
                .andExpect(status().isOk());

        verify(sessions).signInWithApiKey(any(), eq("admin-key"));
        verifyNoInteractions(passwords);
    }

    @Test
    void aSignInFromAnotherSiteIsRefusedBeforeThePasswordIsChecked() throws Exception {
        willThrow(new ApiProblem(
                        HttpStatus.FORBIDDEN, "cross-site-request", "Sec-Fetch-Site", "cross-site", "no", null))
                .given(sessions)
                .requireSameOrigin(any());

        mvc.perform(json(null, post("/v1/session"), "{\"username\": \"rivera\", \"password\": \"x\"}"))
                .andExpect(Refusals.problem(HttpStatus.FORBIDDEN, "Sec-Fetch-Site", "cross-site"));

        verifyNoInteractions(passwords);
    }

    @Test
    void signingOutOfASessionChecksItsCsrfTokenAndIs204() throws Exception {
        given(sessions.caller(any())).willReturn(Optional.of(SliceKeys.caller(SliceKeys.TEACHER)));

        mvc.perform(delete("/v1/session")).andExpect(status().isNoContent());

        verify(sessions).requireCsrfToken(any());
        verify(sessions).signOut(any());
    }

    @Test
    void signingOutWithoutASessionNeedsNoToken() throws Exception {
        mvc.perform(delete("/v1/session")).andExpect(status().isNoContent());

        verify(sessions, never()).requireCsrfToken(any());
        verify(sessions).signOut(any());
    }
}
