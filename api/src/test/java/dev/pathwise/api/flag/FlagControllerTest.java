package dev.pathwise.api.flag;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code GET /v1/flags}: filters and page of the query, the queue as the service built it. */
@ControllerSlice(FlagController.class)
class FlagControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FlagQueue queue;

    @Test
    void anEmptyQueueOfAPageIsAnsweredWithItsFiltersAndCounts() throws Exception {
        given(queue.queue(SliceKeys.caller(SliceKeys.TEACHER), "north-middle", "math-6a", "6-8", "STALLED", 20, 10))
                .willReturn(new FlagQueue.QueueJson(
                        "north-middle",
                        "6-8",
                        "STALLED",
                        Instant.parse("2026-10-01T10:00:00Z"),
                        "district-default@1.0.0",
                        2,
                        0,
                        Map.of("STALLED", 0),
                        20,
                        10,
                        List.of()));

        mvc.perform(as(
                        SliceKeys.TEACHER,
                        get("/v1/flags?school=north-middle&class=math-6a&gradeBand=6-8&kind=STALLED&offset=20"
                                + "&limit=10")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"school": "north-middle", "gradeBand": "6-8", "kind": "STALLED",
                                 "evaluatedAt": "2026-10-01T10:00:00Z", "policyVersion": "district-default@1.0.0",
                                 "learners": 2, "total": 0, "byKind": {"STALLED": 0}, "offset": 20, "limit": 10,
                                 "flags": []}""", JsonCompareMode.STRICT));
    }

    @Test
    void withoutAPageTheFirstHundredAreAskedFor() throws Exception {
        mvc.perform(as(SliceKeys.ADMIN, get("/v1/flags"))).andExpect(status().isOk());

        verify(queue).queue(SliceKeys.caller(SliceKeys.ADMIN), null, null, null, null, 0, 100);
    }

    @Test
    void anOffsetThatIsNoNumberIs400NamingItAndTheValue() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/flags?offset=first")))
                .andExpect(Refusals.invalid("offset", "first"));

        verifyNoInteractions(queue);
    }

    @Test
    void aCurriculumKeyMayNotReadTheQueue() throws Exception {
        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/flags")))
                .andExpect(Refusals.forbidden("curriculum", "GET /v1/flags", "allowed: teacher and admin"));

        verifyNoInteractions(queue);
    }
}
