package dev.pathwise.api.report;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import dev.pathwise.engine.learner.GradeBand;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/reports}: the chart's query parsed, the CSV named after its scope. */
@ControllerSlice(ReportController.class)
class ReportControllerTest {

    private static final MasteryReport EMPTY = new MasteryReport(
            "ratios", "Ratios", "class math-6a", null, List.of(), List.of(), List.of(), List.of(), 0, 0, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReportService reports;

    @Test
    void theChartQueryIsParsedIntoLearnersAndAPageOfOneGradeBand() throws Exception {
        given(reports.mastery(any(), any(), any(), any(), any(), any())).willReturn(EMPTY);

        mvc.perform(as(
                        SliceKeys.TEACHER,
                        get("/v1/reports/mastery?gradeBand=6-8&q=ma&sort=learner&order=desc&offset=10&limit=5")
                                .param("learners", "maya, leo,,")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"frameworkId\": \"ratios\", \"scope\": \"class math-6a\", \"total\": 0}"));

        verify(reports)
                .mastery(
                        SliceKeys.caller(SliceKeys.TEACHER),
                        null,
                        null,
                        null,
                        List.of("maya", "leo"),
                        new ChartQuery(GradeBand.G6_8, "ma", "learner", true, 10, 5));
    }

    @Test
    void theCsvOfAClassAndGradeIsAnAttachmentNamedAfterBoth() throws Exception {
        given(reports.mastery(SliceKeys.caller(SliceKeys.CURRICULUM), null, "math 6/a", 6, List.of()))
                .willReturn(EMPTY);
        given(reports.masteryCsv(EMPTY)).willReturn("learner,ratio\nmaya,MASTERED\n");

        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/reports/mastery.csv?class=math 6/a&grade=6")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"mastery-class-math_6_a-grade-6.csv\""))
                .andExpect(content().string("learner,ratio\nmaya,MASTERED\n"));
    }

    @Test
    void theCsvOfTheDistrictIsNamedAfterIt() throws Exception {
        given(reports.mastery(eq(SliceKeys.caller(SliceKeys.PLATFORM)), eq(null), eq(null), eq(null), eq(List.of())))
                .willReturn(EMPTY);
        given(reports.masteryCsv(EMPTY)).willReturn("learner\n");

        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/reports/mastery.csv")))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"mastery-district.csv\""));
    }

    @Test
    void aGradeThatIsNoNumberIs400NamingIt() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/reports/mastery?grade=sixth")))
                .andExpect(Refusals.invalid("grade", "sixth"));

        verifyNoInteractions(reports);
    }

    @Test
    void aGradeBandThatIsNoBandIs400NamingIt() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/reports/mastery?gradeBand=13")))
                .andExpect(Refusals.invalid("gradeBand", "13"));

        verifyNoInteractions(reports);
    }

    @Test
    void aKeyIsNeededForAStudentPathway() throws Exception {
        mvc.perform(get("/v1/reports/learners/maya/pathway")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(reports);
    }
}
