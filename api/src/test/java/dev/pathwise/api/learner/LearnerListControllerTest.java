package dev.pathwise.api.learner;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/learners} and {@code /v1/learners/batch}: a page of learners, many put at once. */
@ControllerSlice(LearnerListController.class)
class LearnerListControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LearnerDirectory directory;

    @MockitoBean
    LearnerBatch batch;

    @Test
    void aPageAfterALearnerOfAClassIsAnsweredWithTheNextStart() throws Exception {
        given(directory.page(SliceKeys.caller(SliceKeys.TEACHER), null, "math-6a", "leo", 1))
                .willReturn(new LearnerDirectory.Page(
                        List.of(new LearnerDirectory.Entry("maya", "Maya", "Cruz", 6, "north-middle")), "maya"));

        mvc.perform(as(SliceKeys.TEACHER, get("/v1/learners?class=math-6a&after=leo&limit=1")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "{\"learners\": [{\"id\": \"maya\", \"givenName\": \"Maya\", \"familyName\": \"Cruz\","
                                        + " \"grade\": 6, \"schoolId\": \"north-middle\"}], \"next\": \"maya\"}",
                                JsonCompareMode.STRICT));
    }

    @Test
    void aLimitThatIsNoNumberIs400NamingIt() throws Exception {
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/learners?limit=all"))).andExpect(Refusals.invalid("limit", "all"));

        verifyNoInteractions(directory);
    }

    @Test
    void aBatchOfThePlatformIsPassedOnAsSentAndAnsweredWithWhatChanged() throws Exception {
        given(batch.put(eq(SliceKeys.TENANT), any()))
                .willReturn(new LearnerBatch.Result(2, List.of("nia"), List.of("maya")));

        mvc.perform(json(
                        SliceKeys.PLATFORM,
                        post("/v1/learners/batch"),
                        "[{\"id\": \"nia\", \"grade\": 3}, {\"id\": \"maya\", \"grade\": 7}]"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "{\"learners\": 2, \"created\": [\"nia\"], \"updated\": [\"maya\"]}",
                                JsonCompareMode.STRICT));

        ArgumentCaptor<JsonNode> body = ArgumentCaptor.forClass(JsonNode.class);
        verify(batch).put(eq(SliceKeys.TENANT), body.capture());
        assertThat(body.getValue().size()).isEqualTo(2);
        assertThat(body.getValue().get(1).path("grade").asInt()).isEqualTo(7);
    }

    @Test
    void aBatchThatIsNoJsonIs400NamingTheBody() throws Exception {
        mvc.perform(json(SliceKeys.PLATFORM, post("/v1/learners/batch"), "[{\"id\": \"nia\""))
                .andExpect(Refusals.invalid("body"));

        verifyNoInteractions(batch);
    }

    @Test
    void aTeacherMayListButNotPutLearners() throws Exception {
        mvc.perform(json(SliceKeys.TEACHER, post("/v1/learners/batch"), "[]"))
                .andExpect(Refusals.forbidden("teacher", "POST /v1/learners/batch", "allowed: platform and admin"));

        verifyNoInteractions(batch);
    }
}
