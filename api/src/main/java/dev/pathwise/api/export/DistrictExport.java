package dev.pathwise.api.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.evidence.EvidencePayload;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.LearnerSelection;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.simulation.EvidenceFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the district's exports to a stream as they are read: evidence one row at a time from a database cursor
 * (NDJSON: one object a line; CSV: RFC 4180 with the header {@link EvidenceFiles#EVIDENCE_COLUMNS}), learners
 * ({@link EvidenceFiles#LEARNER_COLUMNS}) and the curriculum (the framework and activities as a curriculum file).
 */
@Service
public class DistrictExport {

    /** The two formats of a table export. */
    public enum Format {
        NDJSON,
        CSV
    }

    private final EvidenceRepository evidence;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    public DistrictExport(
            EvidenceRepository evidence,
            LearnerRepository learners,
            CurriculumCache curricula,
            TransactionTemplate transactions,
            ObjectMapper json) {
        this.evidence = evidence;
        this.learners = learners;
        this.curricula = curricula;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.json = json.copy()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The evidence that counts, in stored order (the order it was evaluated in). */
    public void evidence(String tenantId, Format format, OutputStream out) {
        Rows rows = rows(format, EvidenceFiles.EVIDENCE_COLUMNS, out);
        readOnly.executeWithoutResult(status -> evidence.streamCountingPayloads(tenantId, payload -> {
            EvidencePayload piece = payload(payload);
            rows.write(java.util.Arrays.asList(
                    piece.id(),
                    piece.learnerId(),
                    piece.competencyId(),
                    piece.activityId(),
                    piece.raw(),
                    piece.min(),
                    piece.max(),
                    piece.kind(),
                    piece.source(),
                    piece.observedAt()));
        }));
        rows.finish();
    }

    /** Every learner: id, grade, school, start of the learning plan. */
    public void learners(String tenantId, Format format, OutputStream out) {
        Rows rows = rows(format, EvidenceFiles.LEARNER_COLUMNS, out);
        readOnly.executeWithoutResult(status -> learners.matching(tenantId, LearnerSelection.ALL)
                .forEach(stored -> {
                    LearnerProfile p = stored.snapshot().profile();
                    rows.write(java.util.Arrays.asList(p.learnerId(), p.grade(), p.schoolId(), p.planStart()));
                }));
        rows.finish();
    }

    /** The framework and activities in the layout of a policy's {@code scenarios/framework.yaml} (as JSON). */
    public Map<String, Object> curriculum(String tenantId) {
        Curriculum curriculum = curricula.curriculum(tenantId);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", curriculum.framework().id());
        file.put("name", curriculum.framework().name());
        List<Map<String, Object>> competencies = new ArrayList<>();
        for (Competency c : curriculum.framework().competencies()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", c.id());
            entry.put("name", c.name());
            put(entry, "parent", c.parentId());
            entry.put("prerequisites", c.prerequisiteIds());
            put(entry, "grade", c.gradeLevel());
            put(entry, "externalId", c.externalId());
            competencies.add(entry);
        }
        file.put("competencies", competencies);
        List<Map<String, Object>> activities = new ArrayList<>();
        for (Activity a : curriculum.activities()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", a.id());
            put(entry, "title", a.title());
            entry.put("competencies", a.competencyIds());
            entry.put("kind", a.kind().name());
            entry.put("modality", a.modality().name());
            entry.put("grouping", a.grouping().name());
            entry.put("online", a.online());
            entry.put("minutes", a.estimatedMinutes());
            entry.put("tags", a.tags());
            activities.add(entry);
        }
        file.put("activities", activities);
        return file;
    }

    private EvidencePayload payload(String text) {
        try {
            return json.readValue(text, EvidencePayload.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored evidence payload is not valid JSON", e);
        }
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Writes rows in one format. */
    private interface Rows {
        void write(List<Object> values);

        void finish();
    }

    private Rows rows(Format format, List<String> columns, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == Format.CSV) {
            try {
                CSVPrinter printer = new CSVPrinter(
                        writer,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(columns.toArray(String[]::new))
                                .get());
                return new Rows() {
                    @Override
                    public void write(List<Object> values) {
                        try {
                            printer.printRecord(values.stream().map(v -> v == null ? "" : String.valueOf(v)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void finish() {
                        flush(printer::flush);
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Rows() {
            @Override
            public void write(List<Object> values) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    Object value = values.get(i);
                    if (value != null) {
                        object.put(
                                columns.get(i),
                                value instanceof Number || value instanceof String ? value : String.valueOf(value));
                    }
                }
                try {
                    writer.write(json.writeValueAsString(object));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void finish() {
                flush(writer::flush);
            }
        };
    }

    private interface Flush {
        void run() throws IOException;
    }

    private static void flush(Flush flush) {
        try {
            flush.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
