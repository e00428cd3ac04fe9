package dev.pathwise.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.SliceKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HTTP contract of {@code /v1/policies}: a new version is 201 and the same content again 200, who may publish
 * and read, under whose name, and what a refusal names.
 */
@ControllerSlice(PolicyController.class)
class PolicyControllerTest {

    private static final String VERSIONS = "/v1/policies/district-default/versions";
    private static final String FILES = "{\"version\": \"2026.3\", \"message\": \"approaching from 0.40\","
            + " \"files\": [{\"path\": \"mastery.drl\", \"content\": \"package x;\"}]}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PolicyService policies;

    @MockitoBean
    PolicyPublishing publishing;

    @MockitoBean
    StoredEvidenceSimulation simulation;

    private static PolicyPublishing.VersionJson version(String version, String author) {
        Instant at = Instant.parse("2026-10-01T10:00:00Z");
        return new PolicyPublishing.VersionJson(
                "district-default",
                version,
                version,
                author,
                at,
                "approaching from 0.40",
                "ab".repeat(32),
                true,
                "active",
                at,
                List.of("mastery.drl"),
                "published",
                null);
    }

    private static MockHttpServletRequestBuilder publish(String key, String body) {
        return post(VERSIONS)
                .header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    @Test
    void aNewVersionIs201AndTheSameContentAgainIs200() throws Exception {
        given(publishing.publish(eq(SliceKeys.TENANT), eq("district-default"), any(), any()))
                .willReturn(
                        new PolicyPublishing.Published(version("2026.3", "curriculum-team"), true),
                        new PolicyPublishing.Published(version("2026.3", "curriculum-team"), false));

        mvc.perform(publish(SliceKeys.CURRICULUM, FILES))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value("2026.3"))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(publish(SliceKeys.CURRICULUM, FILES))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2026.3"));

        ArgumentCaptor<PolicyPublishing.Request> request = ArgumentCaptor.forClass(PolicyPublishing.Request.class);
        ArgumentCaptor<PolicyFiles> files = ArgumentCaptor.forClass(PolicyFiles.class);
        verify(publishing, times(2))
                .publish(eq(SliceKeys.TENANT), eq("district-default"), request.capture(), files.capture());
        assertThat(request.getValue().version()).isEqualTo("2026.3");
        assertThat(request.getValue().author())
                .as("a key of the tenant publishes under its label")
                .isEqualTo("curriculum-team");
        assertThat(files.getValue().files()).containsExactly(new PolicyFiles.File("mastery.drl", "package x;"));
    }

    @Test
    void aZippedFolderIsPublishedWithTheVersionAndMessageOfTheQuery() throws Exception {
        given(publishing.publish(eq(SliceKeys.TENANT), eq("district-default"), any(), any()))
                .willReturn(new PolicyPublishing.Published(version("2026.4", "curriculum-team"), true));

        mvc.perform(post(VERSIONS + "?version=2026.4&message=zipped")
                        .header("X-Api-Key", SliceKeys.CURRICULUM)
                        .contentType("application/zip")
                        .content(zip("district-policy/mastery.drl", "package x;")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value("2026.4"));

        ArgumentCaptor<PolicyPublishing.Request> request = ArgumentCaptor.forClass(PolicyPublishing.Request.class);
        ArgumentCaptor<PolicyFiles> files = ArgumentCaptor.forClass(PolicyFiles.class);
        verify(publishing).publish(eq(SliceKeys.TENANT), eq("district-default"), request.capture(), files.capture());
        assertThat(request.getValue().version()).isEqualTo("2026.4");
        assertThat(request.getValue().message()).isEqualTo("zipped");
        assertThat(files.getValue().files()).containsExactly(new PolicyFiles.File("mastery.drl", "package x;"));
    }

    @Test
    void aVersionWithoutFilesIs400NamingFiles() throws Exception {
        mvc.perform(publish(SliceKeys.CURRICULUM, "{\"version\": \"2026.3\", \"files\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("files"));

        verifyNoInteractions(publishing);
    }

    @Test
    void aSignedInLeadCannotPublishUnderAnotherName() throws Exception {
        mvc.perform(publish(SliceKeys.LEAD, FILES.replaceFirst("\\{", "{\"author\": \"Someone Else\", ")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("author"))
                .andExpect(jsonPath("$.value").value("Someone Else"))
                .andExpect(jsonPath("$.detail")
                        .value("author: you are signed in as Lee Park (lpark); a version is"
                                + " published under your name, leave author out"));

        verifyNoInteractions(publishing);
    }

    @Test
    void aTeacherReadsTheHistoryButMayNotPublish() throws Exception {
        given(publishing.history(SliceKeys.TENANT, "district-default"))
                .willReturn(new PolicyPublishing.History(
                        "district-default", "2026.3", List.of(version("2026.3", "curriculum-team")), List.of()));

        mvc.perform(get(VERSIONS).header("X-Api-Key", SliceKeys.TEACHER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activeVersion").value("2026.3"))
                .andExpect(jsonPath("$.versions[0].author").value("curriculum-team"));
        mvc.perform(publish(SliceKeys.TEACHER, FILES))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.value").value("teacher"))
                .andExpect(jsonPath("$.detail")
                        .value("role 'teacher' may not call POST " + VERSIONS + "; allowed: curriculum and admin"));

        verify(publishing).history(SliceKeys.TENANT, "district-default");
        verify(publishing, times(0)).publish(any(), any(), any(), any());
    }

    @Test
    void aPlatformKeyMayNotReadPolicies() throws Exception {
        mvc.perform(get("/v1/policies").header("X-Api-Key", SliceKeys.PLATFORM))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.value").value("platform"));

        verifyNoInteractions(policies);
    }

    @Test
    void activatingAnUnknownVersionIs404NamingTheVersion() throws Exception {
        given(publishing.activate(SliceKeys.TENANT, "district-default", "9.9"))
                .willThrow(ApiProblem.notFound(
                        "version", "9.9", "version: policy 'district-default' has no version '9.9'"));

        mvc.perform(post(VERSIONS + "/9.9/activate").header("X-Api-Key", SliceKeys.CURRICULUM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("version"))
                .andExpect(jsonPath("$.value").value("9.9"));
    }

    private static byte[] zip(String path, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(path));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
