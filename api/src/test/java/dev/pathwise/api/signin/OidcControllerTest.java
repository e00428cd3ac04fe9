package dev.pathwise.api.signin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.session.BrowserSessions;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import dev.pathwise.api.users.UserRepository;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/session/oidc/{registration}}: redirects there and back, no key, a 401 refusal. */
@ControllerSlice(OidcController.class)
class OidcControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OidcSignIn oidc;

    @MockitoBean
    BrowserSessions sessions;

    @Test
    void theStartIs302ToTheProviderOfTheRegistration() throws Exception {
        given(oidc.start(any(), any(), eq("district-idp")))
                .willReturn("https://idp.example.org/authorize?client_id=pathwise&state=s1");

        mvc.perform(get("/v1/session/oidc/district-idp"))
                .andExpect(status().isFound())
                .andExpect(
                        header().string("Location", "https://idp.example.org/authorize?client_id=pathwise&state=s1"));
    }

    @Test
    void theCallbackOpensTheSessionOfThePersonAndIs302ToTheConsole() throws Exception {
        UserRepository.User lee = new UserRepository.User(
                SliceKeys.TENANT, "lead", "lpark", "Lee", "Park", null, Set.of(Role.CURRICULUM), "active", null);
        given(oidc.finish(any(), any(), eq("district-idp"))).willReturn(lee);

        mvc.perform(get("/v1/session/oidc/district-idp/callback?code=c1&state=s1"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/"));

        verify(sessions).signInAsUser(any(), eq(lee), eq(BrowserSessions.METHOD_OIDC));
    }

    @Test
    void aRefusedCallbackIs401AndOpensNoSession() throws Exception {
        given(oidc.finish(any(), any(), eq("district-idp")))
                .willThrow(new ApiProblem(
                        HttpStatus.UNAUTHORIZED,
                        "oidc-refused",
                        "state",
                        "s9",
                        "state: 's9' was not sent by us",
                        null));

        mvc.perform(get("/v1/session/oidc/district-idp/callback?code=c1&state=s9"))
                .andExpect(Refusals.problem(HttpStatus.UNAUTHORIZED, "state", "s9"));

        verify(sessions, never()).signInAsUser(any(), any(), any());
    }
}
