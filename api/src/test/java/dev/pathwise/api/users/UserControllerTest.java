package dev.pathwise.api.users;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/users}: admins only; a person never shows a password, only whether one is set. */
@ControllerSlice(UserController.class)
class UserControllerTest {

    private static final UserService.UserJson RIVERA = new UserService.UserJson(
            "rivera",
            "rivera",
            "Ana María",
            "Rivera",
            "rivera@district.example.org",
            List.of("teacher"),
            "active",
            true,
            List.of("math-6a"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserService users;

    @Test
    void aPersonIsCreatedWith201AndAnsweredWithoutThePassword() throws Exception {
        UserService.UserRequest request = new UserService.UserRequest(
                null,
                "rivera",
                "Ana María",
                "Rivera",
                "rivera@district.example.org",
                List.of("teacher"),
                null,
                "correct horse battery staple");
        given(users.create(SliceKeys.caller(SliceKeys.ADMIN), request)).willReturn(RIVERA);

        mvc.perform(json(SliceKeys.ADMIN, post("/v1/users"), """
                        {"username": "rivera", "givenName": "Ana María", "familyName": "Rivera",
                         "email": "rivera@district.example.org", "roles": ["teacher"],
                         "password": "correct horse battery staple"}"""))
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                                {"id": "rivera", "username": "rivera", "givenName": "Ana María", "familyName": "Rivera",
                                 "email": "rivera@district.example.org", "roles": ["teacher"], "status": "active",
                                 "hasPassword": true, "classes": ["math-6a"]}""", JsonCompareMode.STRICT));

        verify(users).create(SliceKeys.caller(SliceKeys.ADMIN), request);
    }

    @Test
    void aNewPasswordIs204() throws Exception {
        mvc.perform(json(SliceKeys.ADMIN, put("/v1/users/rivera/password"), "{\"password\": \"new and long enough\"}"))
                .andExpect(status().isNoContent());

        verify(users)
                .setPassword(
                        SliceKeys.caller(SliceKeys.ADMIN),
                        "rivera",
                        new UserService.PasswordRequest("new and long enough"));
    }

    @Test
    void aKeyOfAPersonMayBeAskedForWithoutABody() throws Exception {
        given(users.createKey(
                        org.mockito.ArgumentMatchers.eq(SliceKeys.caller(SliceKeys.ADMIN)),
                        org.mockito.ArgumentMatchers.eq("rivera"),
                        isNull()))
                .willReturn(new KeyService.CreatedKey(
                        "k-9", null, "rivera", "rivera", Instant.parse("2026-10-01T10:00:00Z"), "pw_rivera"));

        mvc.perform(as(SliceKeys.ADMIN, post("/v1/users/rivera/keys")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("rivera"))
                .andExpect(jsonPath("$.key").value("pw_rivera"));
    }

    @Test
    void rolesThatAreNoListAre400NamingTheField() throws Exception {
        mvc.perform(json(SliceKeys.ADMIN, put("/v1/users/rivera"), "{\"roles\": {\"teacher\": true}}"))
                .andExpect(Refusals.invalid("roles"));

        verifyNoInteractions(users);
    }

    @Test
    void nobodyButAnAdminReadsPeople() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/users/rivera")))
                .andExpect(Refusals.forbidden("teacher", "GET /v1/users/rivera", "allowed to admin only"));
        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/users/rivera/keys")))
                .andExpect(Refusals.forbidden("curriculum", "GET /v1/users/rivera/keys", "allowed to admin only"));

        verifyNoInteractions(users);
    }
}
