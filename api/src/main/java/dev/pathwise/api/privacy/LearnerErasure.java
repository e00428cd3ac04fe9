package dev.pathwise.api.privacy;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.tenant.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a learner in one transaction, the learner's row locked first (evidence for them arriving meanwhile waits,
 * then finds no learner): evidence, overrides, enrollments, xAPI actors and parked statements, roster links, the
 * learner's row. Audit rows about the learner lose the learner's id; a tombstone says when, by whom and how much was
 * erased, and holds no personal data. The answer's {@code erasureId} is the tombstone's reference.
 */
@Service
public class LearnerErasure {

    private final LearnerStores stores;
    private final AuditTrail audit;
    private final Clock clock;

    public LearnerErasure(LearnerStores stores, AuditTrail audit, Clock clock) {
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    /** What was erased: rows per kind. */
    public record Erasure(String erasureId, Instant erasedAt, Map<String, Integer> removed) {}

    @Transactional
    public Erasure erase(Caller caller, String learnerId) {
        String tenantId = caller.tenantId();
        stores.learners().requireLocked(tenantId, learnerId);
        String erasureId = "erasure-" + UUID.randomUUID();
        Map<String, Integer> removed = new LinkedHashMap<>();
        int[] xapiRows = stores.xapi()
                .erase(
                        tenantId,
                        learnerId,
                        stores.evidence().ofLearner(tenantId, learnerId).stream()
                                .map(EvidenceRepository.FullRow::evidenceId)
                                .toList());
        removed.put("evidence", stores.evidence().eraseLearner(tenantId, learnerId));
        removed.put("evidenceRefusals", stores.refusals().eraseLearner(tenantId, learnerId));
        removed.put("overrides", stores.overrides().deleteAll(tenantId, learnerId));
        removed.put("enrollments", stores.enrollments().removeLearner(tenantId, learnerId));
        removed.put("xapiActors", xapiRows[0]);
        removed.put("xapiParkedStatements", xapiRows[1]);
        removed.put("xapiStatements", xapiRows[2]);
        removed.put("rosterLinks", stores.rosterLinks().forgetLearner(tenantId, learnerId));
        removed.put("learner", stores.learners().delete(tenantId, learnerId) ? 1 : 0);
        removed.put("auditRowsWithoutTheLearnerId", audit.forgetTarget(tenantId, "learner", learnerId, erasureId));
        audit.record(caller, "learner.erased", "erasure", erasureId, removed.toString());
        return new Erasure(erasureId, clock.instant(), removed);
    }
}
