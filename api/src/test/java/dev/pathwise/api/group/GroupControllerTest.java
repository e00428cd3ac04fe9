package dev.pathwise.api.group;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

/** The HTTP contract of {@code GET /v1/groups}: the school, class and competency of the query, teachers and admins. */
@ControllerSlice(GroupController.class)
class GroupControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GroupService groups;

    @Test
    void theQueryReachesTheServiceAndTheGroupsAreAnsweredWhole() throws Exception {
        given(groups.groups(SliceKeys.caller(SliceKeys.TEACHER), "north-middle", "math-6a", "ratio.tables"))
                .willReturn(new GroupService.GroupsJson(
                        "north-middle",
                        "math-6a",
                        "ratio.tables",
                        List.of(new GroupService.GroupJson(
                                "ratio.tables",
                                "Ratio tables",
                                "reteach",
                                "6-8",
                                List.of("leo", "maya"),
                                false,
                                new GroupService.SuggestedActivity(
                                        "a-tables-mini", "Tables mini-lesson", "MINI_LESSON", "SMALL_GROUP"),
                                "rule \"Reteach in a small group\""))));

        mvc.perform(as(SliceKeys.TEACHER, get("/v1/groups?school=north-middle&class=math-6a&competency=ratio.tables")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"school": "north-middle", "classId": "math-6a", "competency": "ratio.tables",
                                 "groups": [{"competencyId": "ratio.tables", "competencyName": "Ratio tables",
                                   "need": "reteach", "gradeBand": "6-8", "learnerIds": ["leo", "maya"],
                                   "belowMinimumSize": false,
                                   "suggestedActivity": {"id": "a-tables-mini", "title": "Tables mini-lesson",
                                     "kind": "MINI_LESSON", "modality": "SMALL_GROUP"},
                                   "why": "rule \\"Reteach in a small group\\""}]}""", JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownCompetencyIs400NamingIt() throws Exception {
        given(groups.groups(SliceKeys.caller(SliceKeys.ADMIN), null, null, "ratio.nope"))
                .willThrow(ApiProblem.invalid("competency", "ratio.nope", "competency: no competency 'ratio.nope'"));

        mvc.perform(as(SliceKeys.ADMIN, get("/v1/groups?competency=ratio.nope")))
                .andExpect(Refusals.invalid("competency", "ratio.nope"));

        verify(groups).groups(SliceKeys.caller(SliceKeys.ADMIN), null, null, "ratio.nope");
    }

    @Test
    void thePlatformMayNotAskForGroups() throws Exception {
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/groups")))
                .andExpect(Refusals.forbidden("platform", "GET /v1/groups", "allowed: teacher and admin"));
        mvc.perform(get("/v1/groups")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(groups);
    }
}
