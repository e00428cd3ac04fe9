package dev.pathwise.api.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.interop.xapi.XapiLearnerData;
import dev.pathwise.api.learner.OverrideJson;
import dev.pathwise.api.learner.ProfileJson;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.roster.RosterLinks;
import dev.pathwise.api.tenant.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything Pathwise holds about one learner, as one JSON document; the export itself is audited. */
@Service
public class LearnerExport {

    private final LearnerStores stores;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    public LearnerExport(LearnerStores stores, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.stores = stores;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A piece of evidence as held: what was received, what was answered, and whether it still counts. */
    public record EvidenceJson(
            String evidenceId,
            Instant receivedAt,
            String policyVersion,
            JsonNode evidence,
            JsonNode result,
            String voidedBy,
            Instant voidedAt,
            String evaluationError) {}

    /** A piece of evidence refused on the evidence stream: its id, when, and the problem it was refused with. */
    public record RefusalJson(String evidenceId, Instant refusedAt, JsonNode problem) {}

    /**
     * The document: the profile (with the name), the stored state (mastery per competency, the version), every
     * piece of evidence, the evidence refused on the evidence stream, the overrides, the enrollments, the xAPI actors and parked statements, the roster records
     * and the audit events about the learner.
     */
    public record Export(
            String learnerId,
            String tenantId,
            Instant exportedAt,
            ProfileJson profile,
            long stateVersion,
            JsonNode state,
            List<EvidenceJson> evidence,
            List<RefusalJson> refusedEvidence,
            List<OverrideJson> overrides,
            List<EnrollmentRepository.Enrollment> enrollments,
            List<String> xapiActors,
            List<JsonNode> xapiParkedStatements,
            List<JsonNode> xapiStatements,
            List<RosterLinks.RosterRecord> rosterRecords,
            List<AuditTrail.Event> audit) {}

    @Transactional
    public Export export(Caller caller, String learnerId) {
        String tenantId = caller.tenantId();
        StoredLearner learner = stores.learners().require(tenantId, learnerId);
        audit.record(caller, "learner.exported", "learner", learnerId, null);
        List<EvidenceRepository.FullRow> rows = stores.evidence().ofLearner(tenantId, learnerId);
        XapiLearnerData.Held held = stores.xapi()
                .of(
                        tenantId,
                        learnerId,
                        rows.stream()
                                .map(EvidenceRepository.FullRow::evidenceId)
                                .toList());
        return new Export(
                learnerId,
                tenantId,
                clock.instant(),
                ProfileJson.of(
                        learner.snapshot().profile(),
                        stores.learners().name(tenantId, learnerId).orElse(null)),
                learner.version(),
                json.valueToTree(learner.snapshot()),
                rows.stream()
                        .map(row -> new EvidenceJson(
                                row.evidenceId(),
                                row.receivedAt(),
                                row.policyVersion(),
                                tree(row.payload()),
                                tree(row.result()),
                                row.voidedBy(),
                                row.voidedAt(),
                                row.evaluationError()))
                        .toList(),
                stores.refusals().ofLearner(tenantId, learnerId).stream()
                        .map(refusal ->
                                new RefusalJson(refusal.evidenceId(), refusal.refusedAt(), tree(refusal.problem())))
                        .toList(),
                stores.overrides().history(tenantId, learnerId),
                stores.enrollments().ofLearner(tenantId, learnerId),
                held.actorKeys(),
                held.parkedStatements().stream().map(this::tree).toList(),
                held.receivedStatements().stream().map(this::tree).toList(),
                stores.rosterLinks().ofLearner(tenantId, learnerId),
                audit.events(tenantId, 0, Integer.MAX_VALUE, "learner", learnerId));
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
