package dev.pathwise.api.operator;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The HTTP contract of {@code /v1/operator/tenants}: an operator key, never a tenant's; what the operator did, named. */
@ControllerSlice(OperatorController.class)
class OperatorControllerTest {

    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TenantAdministration tenants;

    @MockitoBean
    OperatorKeys operatorKeys;

    @BeforeEach
    void keys() {
        given(operatorKeys.authenticate("op-secret"))
                .willReturn(Optional.of(
                        new OperatorKeys.OperatorKey("ok-1", OperatorKeys.OPERATOR, "ops laptop", AT, null)));
        given(operatorKeys.authenticate("metrics-secret"))
                .willReturn(
                        Optional.of(new OperatorKeys.OperatorKey("ok-2", OperatorKeys.METRICS, "grafana", AT, null)));
    }

    private static MockHttpServletRequestBuilder operator(String key, MockHttpServletRequestBuilder request) {
        return request.header(OperatorKeyInterceptor.HEADER, key);
    }

    @Test
    void aNewDistrictIs201WithItsFirstAdminKeyAndTheOperatorNamed() throws Exception {
        given(tenants.create("operator (ops laptop)", "d-east", "East District"))
                .willReturn(new TenantService.CreatedTenant(
                        new TenantService.TenantJson("d-east", "East District", "active", AT, null, 0, 0, 0),
                        new KeyService.CreatedKey("k-1", "admin", null, "first admin key", AT, "pw_admin")));

        mvc.perform(operator(
                        "op-secret",
                        json(null, post("/v1/operator/tenants"), "{\"id\": \"d-east\", \"name\": \"East District\"}")))
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                                {"tenant": {"id": "d-east", "name": "East District", "status": "active",
                                   "createdAt": "2026-10-01T10:00:00Z", "schools": 0, "learners": 0, "users": 0},
                                 "adminKey": {"id": "k-1", "role": "admin", "label": "first admin key",
                                   "createdAt": "2026-10-01T10:00:00Z", "key": "pw_admin"}}""", JsonCompareMode.STRICT));
    }

    @Test
    void aNewAdminKeyMayBeAskedForWithoutALabel() throws Exception {
        mvc.perform(operator("op-secret", post("/v1/operator/tenants/d-east/keys")))
                .andExpect(status().isCreated());

        verify(tenants).adminKey("operator (ops laptop)", "d-east", null);
    }

    @Test
    void aTenantsAdminKeyIsNoOperatorKey() throws Exception {
        mvc.perform(as(SliceKeys.ADMIN, get("/v1/operator/tenants")))
                .andExpect(Refusals.problem(HttpStatus.UNAUTHORIZED, "X-Operator-Key", null))
                .andExpect(jsonPath("$.detail")
                        .value("header X-Operator-Key is missing; send an operator key (created with 'pathwise admin"
                                + " operator-key create' on the deployment's database)"));
        mvc.perform(operator(SliceKeys.ADMIN, get("/v1/operator/tenants")))
                .andExpect(Refusals.problem(HttpStatus.UNAUTHORIZED, "X-Operator-Key", null));

        verifyNoInteractions(tenants);
    }

    @Test
    void aMetricsKeyMayNotManageTenants() throws Exception {
        mvc.perform(operator("metrics-secret", post("/v1/operator/tenants/d-east/disable")))
                .andExpect(Refusals.problem(HttpStatus.FORBIDDEN, "X-Operator-Key", "metrics"));

        verifyNoInteractions(tenants);
    }

    @Test
    void aNameThatIsNoTextIs400NamingIt() throws Exception {
        mvc.perform(operator(
                        "op-secret", json(null, post("/v1/operator/tenants"), "{\"id\": \"d-east\", \"name\": {}}")))
                .andExpect(Refusals.invalid("name"));

        verifyNoInteractions(tenants);
    }
}
