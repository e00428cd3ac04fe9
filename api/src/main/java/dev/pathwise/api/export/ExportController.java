package dev.pathwise.api.export;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /v1/exports}: the district's evidence ({@code evidence.ndjson}, {@code evidence.csv}), learners
 * ({@code learners.ndjson}, {@code learners.csv}) and curriculum ({@code curriculum.json}), for admins and curriculum
 * teams; streamed, ready for {@code pathwise policy simulate --evidence ... --learners ... --framework ...}.
 */
@RestController
@RequestMapping("/v1/exports")
@RequiresRole(Role.CURRICULUM)
public class ExportController {

    static final MediaType NDJSON = new MediaType("application", "x-ndjson", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final DistrictExport exports;

    public ExportController(DistrictExport exports) {
        this.exports = exports;
    }

    @Operation(operationId = "exportEvidenceNdjson", summary = "Export the district's evidence (NDJSON)")
    @GetMapping("/evidence.ndjson")
    public ResponseEntity<StreamingResponseBody> evidenceNdjson(Caller caller) {
        return stream(
                "evidence.ndjson",
                NDJSON,
                out -> exports.evidence(caller.tenantId(), DistrictExport.Format.NDJSON, out));
    }

    @Operation(operationId = "exportEvidenceCsv", summary = "Export the district's evidence (CSV)")
    @GetMapping("/evidence.csv")
    public ResponseEntity<StreamingResponseBody> evidenceCsv(Caller caller) {
        return stream("evidence.csv", CSV, out -> exports.evidence(caller.tenantId(), DistrictExport.Format.CSV, out));
    }

    @Operation(operationId = "exportLearnersNdjson", summary = "Export the district's learners (NDJSON)")
    @GetMapping("/learners.ndjson")
    public ResponseEntity<StreamingResponseBody> learnersNdjson(Caller caller) {
        return stream(
                "learners.ndjson",
                NDJSON,
                out -> exports.learners(caller.tenantId(), DistrictExport.Format.NDJSON, out));
    }

    @Operation(operationId = "exportLearnersCsv", summary = "Export the district's learners (CSV)")
    @GetMapping("/learners.csv")
    public ResponseEntity<StreamingResponseBody> learnersCsv(Caller caller) {
        return stream("learners.csv", CSV, out -> exports.learners(caller.tenantId(), DistrictExport.Format.CSV, out));
    }

    @Operation(
            operationId = "exportCurriculum",
            summary = "Export the curriculum",
            description = "Frameworks and activities as JSON, ready for pathwise policy simulate.")
    @GetMapping("/curriculum.json")
    public ResponseEntity<Map<String, Object>> curriculum(Caller caller) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"curriculum.json\"")
                .body(exports.curriculum(caller.tenantId()));
    }

    private static ResponseEntity<StreamingResponseBody> stream(
            String file, MediaType type, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }
}
