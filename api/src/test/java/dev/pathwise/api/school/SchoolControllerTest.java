package dev.pathwise.api.school;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/schools}: read by every role, changed by admins only. */
@ControllerSlice(SchoolController.class)
class SchoolControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SchoolService schools;

    @Test
    void aTeacherReadsTheSchoolsOfItsTenantWithTheirCounts() throws Exception {
        given(schools.list(SliceKeys.TENANT))
                .willReturn(List.of(new SchoolService.SchoolJson("north-middle", "North Middle School", 412, 17)));

        mvc.perform(as(SliceKeys.TEACHER, get("/v1/schools")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "[{\"id\": \"north-middle\", \"name\": \"North Middle School\", \"learners\": 412,"
                                        + " \"classes\": 17}]",
                                JsonCompareMode.STRICT));
    }

    @Test
    void anAdminCreatesASchoolWith201AndTheRequestAsSent() throws Exception {
        SchoolService.SchoolRequest request = new SchoolService.SchoolRequest("east", "East High");
        given(schools.create(SliceKeys.caller(SliceKeys.ADMIN), request))
                .willReturn(new SchoolService.SchoolJson("east", "East High", 0, 0));

        mvc.perform(json(SliceKeys.ADMIN, post("/v1/schools"), "{\"id\": \"east\", \"name\": \"East High\"}"))
                .andExpect(status().isCreated())
                .andExpect(content()
                        .json(
                                "{\"id\": \"east\", \"name\": \"East High\", \"learners\": 0, \"classes\": 0}",
                                JsonCompareMode.STRICT));

        verify(schools).create(SliceKeys.caller(SliceKeys.ADMIN), request);
    }

    @Test
    void aPutRenamesTheSchoolOfThePath() throws Exception {
        given(schools.put(
                        eq(SliceKeys.caller(SliceKeys.ADMIN)),
                        eq("east"),
                        eq(new SchoolService.SchoolRequest(null, "East High School"))))
                .willReturn(new SchoolService.SchoolJson("east", "East High School", 3, 1));

        mvc.perform(json(SliceKeys.ADMIN, put("/v1/schools/east"), "{\"name\": \"East High School\"}"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"name\": \"East High School\", \"learners\": 3}"));
    }

    @Test
    void aDeletedSchoolIs204WithoutABody() throws Exception {
        mvc.perform(as(SliceKeys.ADMIN, delete("/v1/schools/east")))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));

        verify(schools).delete(SliceKeys.caller(SliceKeys.ADMIN), "east");
    }

    @Test
    void aSchoolWithLearnersIsKeptWithA409NamingIt() throws Exception {
        willThrow(ApiProblem.conflict(
                        "school-in-use", "id", "east", "id: school 'east' still has 3 learners; move them first"))
                .given(schools)
                .delete(SliceKeys.caller(SliceKeys.ADMIN), "east");

        mvc.perform(as(SliceKeys.ADMIN, delete("/v1/schools/east")))
                .andExpect(Refusals.problem(HttpStatus.CONFLICT, "id", "east"));
    }

    @Test
    void onlyAnAdminMayChangeSchoolsAndEveryReadNeedsAKey() throws Exception {
        mvc.perform(json(SliceKeys.CURRICULUM, post("/v1/schools"), "{\"id\": \"east\"}"))
                .andExpect(Refusals.forbidden("curriculum", "POST /v1/schools", "allowed to admin only"));
        mvc.perform(as(SliceKeys.PLATFORM, delete("/v1/schools/east")))
                .andExpect(Refusals.forbidden("platform", "DELETE /v1/schools/east", "allowed to admin only"));
        mvc.perform(get("/v1/schools/east")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(schools);
    }

    @Test
    void aNameThatIsNoTextIs400NamingTheField() throws Exception {
        mvc.perform(json(SliceKeys.ADMIN, post("/v1/schools"), "{\"id\": \"east\", \"name\": [1]}"))
                .andExpect(Refusals.invalid("name"));
        mvc.perform(json(SliceKeys.ADMIN, post("/v1/schools"), "{\"id\": \"east\", \"city\": \"Springfield\"}"))
                .andExpect(Refusals.invalid("city"));

        verifyNoInteractions(schools);
    }
}
