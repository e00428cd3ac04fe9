package dev.pathwise.api.framework;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/frameworks}: saved by curriculum teams (201), listed as one line per framework. */
@ControllerSlice(FrameworkController.class)
class FrameworkControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FrameworkService frameworks;

    @Test
    void aSavedFrameworkIs201WithTheFrameworkAsStored() throws Exception {
        given(frameworks.save(eq(SliceKeys.TENANT), any()))
                .willAnswer(call -> new FrameworkService.Saved(call.getArgument(1), false));

        mvc.perform(json(SliceKeys.CURRICULUM, post("/v1/frameworks"), """
                        {"id": "ratios", "name": "Ratios", "competencies": [
                          {"id": "ratio", "name": "Ratio reasoning"},
                          {"id": "ratio.tables", "name": "Ratio tables", "parentId": "ratio",
                           "prerequisiteIds": ["ratio"], "gradeLevel": 6}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("ratios"))
                .andExpect(jsonPath("$.competencies[1].gradeLevel").value(6));

        ArgumentCaptor<FrameworkJson> saved = ArgumentCaptor.forClass(FrameworkJson.class);
        verify(frameworks).save(eq(SliceKeys.TENANT), saved.capture());
        assertThat(saved.getValue().competencies())
                .extracting(CompetencyJson::id, CompetencyJson::parentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ratio", null),
                        org.assertj.core.groups.Tuple.tuple("ratio.tables", "ratio"));
    }

    @Test
    void theListIsOneLinePerFrameworkWithItsCompetencyCount() throws Exception {
        given(frameworks.list(SliceKeys.TENANT))
                .willReturn(List.of(new FrameworkRepository.StoredFramework(
                        "ratios",
                        "Ratios",
                        null,
                        List.of(new CompetencyJson("ratio", "Ratio reasoning", null, List.of(), null, null)),
                        Instant.parse("2026-09-01T00:00:00Z"),
                        Instant.parse("2026-10-01T00:00:00Z"))));

        mvc.perform(as(SliceKeys.TEACHER, get("/v1/frameworks")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                [{"id": "ratios", "name": "Ratios", "competencies": 1,
                                  "createdAt": "2026-09-01T00:00:00Z", "updatedAt": "2026-10-01T00:00:00Z"}]""", JsonCompareMode.STRICT));
    }

    @Test
    void aGradeLevelThatIsNoNumberIs400NamingItsPlace() throws Exception {
        mvc.perform(json(
                        SliceKeys.CURRICULUM,
                        post("/v1/frameworks"),
                        "{\"id\": \"ratios\", \"competencies\": [{\"id\": \"ratio\", \"gradeLevel\": \"sixth\"}]}"))
                .andExpect(Refusals.invalid("competencies[0].gradeLevel", "sixth"));

        verifyNoInteractions(frameworks);
    }

    @Test
    void aTeacherMayReadButNotSaveAFramework() throws Exception {
        mvc.perform(json(SliceKeys.TEACHER, post("/v1/frameworks"), "{\"id\": \"ratios\"}"))
                .andExpect(Refusals.forbidden("teacher", "POST /v1/frameworks", "allowed: curriculum and admin"));

        verifyNoInteractions(frameworks);
    }
}
