package dev.pathwise.api.export;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The HTTP contract of {@code /v1/exports}: each file streamed with its type and name, for curriculum and admins. */
@ControllerSlice(ExportController.class)
class ExportControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DistrictExport exports;

    /** The export writes {@code text} for the tenant in the format, whatever the file. */
    private void writes(String text) {
        willAnswer(call -> {
                    call.getArgument(2, OutputStream.class).write(text.getBytes(StandardCharsets.UTF_8));
                    return null;
                })
                .given(exports)
                .evidence(eq(SliceKeys.TENANT), eq(DistrictExport.Format.CSV), any());
    }

    @Test
    void theEvidenceCsvIsStreamedAsAnAttachmentNamedEvidenceCsv() throws Exception {
        writes("evidence_id,learner_id\ne-1,maya\n");

        MvcResult started = mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/exports/evidence.csv")))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"evidence.csv\""))
                .andExpect(content().string("evidence_id,learner_id\ne-1,maya\n"));
    }

    @Test
    void theLearnersAreStreamedAsNdjson() throws Exception {
        willAnswer(call -> {
                    call.getArgument(2, OutputStream.class)
                            .write("{\"id\":\"maya\"}\n".getBytes(StandardCharsets.UTF_8));
                    return null;
                })
                .given(exports)
                .learners(eq(SliceKeys.TENANT), eq(DistrictExport.Format.NDJSON), any());

        MvcResult started = mvc.perform(as(SliceKeys.ADMIN, get("/v1/exports/learners.ndjson")))
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(header().string("Content-Type", "application/x-ndjson;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"learners.ndjson\""))
                .andExpect(content().string("{\"id\":\"maya\"}\n"));
    }

    @Test
    void theCurriculumIsOneJsonAttachment() throws Exception {
        given(exports.curriculum(SliceKeys.TENANT)).willReturn(Map.of("frameworks", java.util.List.of()));

        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/exports/curriculum.json")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"curriculum.json\""))
                .andExpect(content().json("{\"frameworks\": []}", JsonCompareMode.STRICT));
    }

    @Test
    void aTeacherGetsNoExport() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/exports/evidence.ndjson")))
                .andExpect(Refusals.forbidden(
                        "teacher", "GET /v1/exports/evidence.ndjson", "allowed: curriculum and admin"));
        mvc.perform(get("/v1/exports/learners.csv")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(exports);
    }
}
