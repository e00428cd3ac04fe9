package dev.pathwise.api.tenant;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.problem.ApiProblem;
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

/** The HTTP contract of {@code /v1/keys}: admins only, the secret in the answer to a creation only, audited. */
@ControllerSlice(KeyController.class)
class KeyControllerTest {

    private static final Instant CREATED = Instant.parse("2026-10-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    KeyService keys;

    @MockitoBean
    AuditTrail audit;

    @Test
    void aNewKeyIs201WithItsSecretOnceAndIsAudited() throws Exception {
        given(keys.createKey(SliceKeys.TENANT, "platform", "lms"))
                .willReturn(new KeyService.CreatedKey("k-7", "platform", null, "lms", CREATED, "pw_secret"));

        mvc.perform(json(SliceKeys.ADMIN, post("/v1/keys"), "{\"role\": \"platform\", \"label\": \"lms\"}"))
                .andExpect(status().isCreated())
                .andExpect(content()
                        .json(
                                "{\"id\": \"k-7\", \"role\": \"platform\", \"label\": \"lms\","
                                        + " \"createdAt\": \"2026-10-01T10:00:00Z\", \"key\": \"pw_secret\"}",
                                JsonCompareMode.STRICT));

        verify(audit).record(SliceKeys.caller(SliceKeys.ADMIN), "key.created", "key", "k-7", "role platform");
    }

    @Test
    void theListCarriesNoSecret() throws Exception {
        given(keys.keys(SliceKeys.TENANT))
                .willReturn(List.of(new KeyService.KeyJson("k-7", "platform", null, "lms", CREATED, null)));

        mvc.perform(as(SliceKeys.ADMIN, get("/v1/keys")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "[{\"id\": \"k-7\", \"role\": \"platform\", \"label\": \"lms\","
                                        + " \"createdAt\": \"2026-10-01T10:00:00Z\"}]",
                                JsonCompareMode.STRICT));
    }

    @Test
    void aRevokedKeyIsAnsweredWithItsRevocationAndAudited() throws Exception {
        given(keys.revoke(SliceKeys.TENANT, "k-7"))
                .willReturn(new KeyService.KeyJson(
                        "k-7", "platform", null, "lms", CREATED, Instant.parse("2026-10-02T08:00:00Z")));

        mvc.perform(as(SliceKeys.ADMIN, delete("/v1/keys/k-7")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"id\": \"k-7\", \"revokedAt\": \"2026-10-02T08:00:00Z\"}"));

        verify(audit).record(SliceKeys.caller(SliceKeys.ADMIN), "key.revoked", "key", "k-7", null);
    }

    @Test
    void anUnknownRoleIs400NamingItAndNothingIsAudited() throws Exception {
        given(keys.createKey(SliceKeys.TENANT, "janitor", null))
                .willThrow(ApiProblem.invalid("role", "janitor", "role: 'janitor' is not a role"));

        mvc.perform(json(SliceKeys.ADMIN, post("/v1/keys"), "{\"role\": \"janitor\"}"))
                .andExpect(Refusals.invalid("role", "janitor"));

        verifyNoInteractions(audit);
    }

    @Test
    void onlyAdminsManageKeys() throws Exception {
        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/keys")))
                .andExpect(Refusals.forbidden("curriculum", "GET /v1/keys", "allowed to admin only"));
        mvc.perform(json(null, post("/v1/keys"), "{\"role\": \"admin\"}")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(keys, audit);
    }
}
