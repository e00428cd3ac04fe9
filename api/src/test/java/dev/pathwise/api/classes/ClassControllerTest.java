package dev.pathwise.api.classes;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/classes}: filters of the list, a class in and out, changes by admins only. */
@ControllerSlice(ClassController.class)
class ClassControllerTest {

    private static final ClassService.ClassJson MATH_6A = new ClassService.ClassJson(
            "math-6a",
            "north-middle",
            "Math 6 (A)",
            null,
            null,
            null,
            List.of("2026-fall"),
            List.of(),
            List.of("rivera"),
            List.of("leo", "maya"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClassService classes;

    @Test
    void theListIsFilteredBySchoolTermAndTeacherOfTheQuery() throws Exception {
        given(classes.list(SliceKeys.caller(SliceKeys.PLATFORM), "north-middle", "2026-fall", "rivera"))
                .willReturn(List.of(MATH_6A));

        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/classes?school=north-middle&term=2026-fall&teacher=rivera")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                [{"id": "math-6a", "schoolId": "north-middle", "title": "Math 6 (A)",
                                  "termIds": ["2026-fall"], "subjects": [], "teacherIds": ["rivera"],
                                  "learnerIds": ["leo", "maya"]}]""", JsonCompareMode.STRICT));
    }

    @Test
    void aClassIsCreatedWith201FromItsLists() throws Exception {
        ClassService.ClassRequest request = new ClassService.ClassRequest(
                "math-6a",
                "north-middle",
                "Math 6 (A)",
                null,
                null,
                List.of("2026-fall"),
                null,
                List.of("rivera"),
                List.of("leo", "maya"));
        given(classes.create(SliceKeys.caller(SliceKeys.ADMIN), request)).willReturn(MATH_6A);

        mvc.perform(json(SliceKeys.ADMIN, post("/v1/classes"), """
                        {"id": "math-6a", "schoolId": "north-middle", "title": "Math 6 (A)", "termIds": ["2026-fall"],
                         "teacherIds": ["rivera"], "learnerIds": ["leo", "maya"]}"""))
                .andExpect(status().isCreated())
                .andExpect(content().json("{\"id\": \"math-6a\", \"learnerIds\": [\"leo\", \"maya\"]}"));

        verify(classes).create(SliceKeys.caller(SliceKeys.ADMIN), request);
    }

    @Test
    void anUnknownTeacherIs400NamingTheFieldAndTheValue() throws Exception {
        ClassService.ClassRequest request =
                new ClassService.ClassRequest(null, null, null, null, null, null, null, List.of("nobody"), null);
        given(classes.put(SliceKeys.caller(SliceKeys.ADMIN), "math-6a", request))
                .willThrow(ApiProblem.invalid("teacherIds", "nobody", "teacherIds: no user 'nobody'"));

        mvc.perform(json(SliceKeys.ADMIN, put("/v1/classes/math-6a"), "{\"teacherIds\": [\"nobody\"]}"))
                .andExpect(Refusals.invalid("teacherIds", "nobody"));
    }

    @Test
    void aTeacherMayNotCreateAClass() throws Exception {
        mvc.perform(json(SliceKeys.TEACHER, post("/v1/classes"), "{\"id\": \"math-6c\"}"))
                .andExpect(Refusals.forbidden("teacher", "POST /v1/classes", "allowed to admin only"));

        verifyNoInteractions(classes);
    }
}
