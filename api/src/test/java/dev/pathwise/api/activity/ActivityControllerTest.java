package dev.pathwise.api.activity;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/activities}: one or a list saved (201), replaced, retired, listed by competency. */
@ControllerSlice(ActivityController.class)
class ActivityControllerTest {

    private static final String TABLES = """
            {"id": "a-tables", "title": "Ratio tables practice", "competencyIds": ["ratio.tables"],
             "kind": "PRACTICE", "modality": "TEXT", "grouping": "INDIVIDUAL"}""";
    private static final ActivityJson TABLES_JSON = tables("a-tables", null);

    /** The ratio tables practice as the service reads and answers it, under this id. */
    private static ActivityJson tables(String id, Instant retiredAt) {
        return new ActivityJson(
                id,
                "Ratio tables practice",
                List.of("ratio.tables"),
                ActivityKind.PRACTICE,
                Modality.TEXT,
                Grouping.INDIVIDUAL,
                null,
                null,
                null,
                null,
                retiredAt);
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ActivityService activities;

    @Test
    void oneActivityIsSavedAsAListOfOneWith201() throws Exception {
        given(activities.save(SliceKeys.TENANT, List.of(TABLES_JSON))).willReturn(List.of(TABLES_JSON));

        mvc.perform(json(SliceKeys.CURRICULUM, post("/v1/activities"), TABLES))
                .andExpect(status().isCreated())
                .andExpect(content()
                        .json(
                                "[{\"id\": \"a-tables\", \"title\": \"Ratio tables practice\", \"competencyIds\":"
                                        + " [\"ratio.tables\"], \"kind\": \"PRACTICE\", \"modality\": \"TEXT\","
                                        + " \"grouping\": \"INDIVIDUAL\"}]",
                                JsonCompareMode.STRICT));

        verify(activities).save(SliceKeys.TENANT, List.of(TABLES_JSON));
    }

    @Test
    void aListIsSavedInItsOrder() throws Exception {
        mvc.perform(json(
                        SliceKeys.CURRICULUM,
                        post("/v1/activities"),
                        "[" + TABLES + ", " + TABLES.replace("a-tables", "a-tables-2") + "]"))
                .andExpect(status().isCreated());

        verify(activities).save(SliceKeys.TENANT, List.of(TABLES_JSON, tables("a-tables-2", null)));
    }

    @Test
    void aKindThatIsNoKindIs400NamingItsPlaceInTheListAndTheValue() throws Exception {
        mvc.perform(json(
                        SliceKeys.CURRICULUM,
                        post("/v1/activities"),
                        "[" + TABLES + ", " + TABLES.replace("PRACTICE", "LECTURE") + "]"))
                .andExpect(Refusals.invalid("[1].kind", "LECTURE"));

        verifyNoInteractions(activities);
    }

    @Test
    void anUnknownFieldOfAReplacementIs400NamingIt() throws Exception {
        mvc.perform(json(
                        SliceKeys.CURRICULUM,
                        put("/v1/activities/a-tables"),
                        TABLES.replace("\"kind\"", "\"level\": 3, \"kind\"")))
                .andExpect(Refusals.invalid("level"));

        verifyNoInteractions(activities);
    }

    @Test
    void aRetiredActivityIsAnsweredWithWhenItWasRetired() throws Exception {
        given(activities.retire(SliceKeys.TENANT, "a-tables"))
                .willReturn(tables("a-tables", Instant.parse("2026-10-01T10:00:00Z")));

        mvc.perform(as(SliceKeys.CURRICULUM, delete("/v1/activities/a-tables")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredAt").value("2026-10-01T10:00:00Z"));
    }

    @Test
    void theListOfACompetencyMayHoldTheRetiredOnes() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/activities?competency=ratio.tables&retired=true")))
                .andExpect(status().isOk());
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/activities?retired=sometimes")))
                .andExpect(Refusals.invalid("retired", "sometimes"));

        verify(activities).list(SliceKeys.TENANT, "ratio.tables", true);
    }

    @Test
    void aTeacherMayNotSaveActivities() throws Exception {
        mvc.perform(json(SliceKeys.TEACHER, post("/v1/activities"), TABLES))
                .andExpect(Refusals.forbidden("teacher", "POST /v1/activities", "allowed: curriculum and admin"));

        verifyNoInteractions(activities);
    }
}
