package dev.pathwise.api.privacy;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.evidence.EvidenceRefusals;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.interop.xapi.XapiLearnerData;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.OverrideService;
import dev.pathwise.api.roster.RosterLinks;
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

    private final LearnerRepository learners;
    private final EvidenceRepository evidence;
    private final EvidenceRefusals refusals;
    private final OverrideService overrides;
    private final EnrollmentRepository enrollments;
    private final XapiLearnerData xapi;
    private final RosterLinks rosterLinks;
    private final AuditTrail audit;
    private final Clock clock;

    public LearnerErasure(
            LearnerRepository learners,
            EvidenceRepository evidence,
            EvidenceRefusals refusals,
            OverrideService overrides,
            EnrollmentRepository enrollments,
            XapiLearnerData xapi,
            RosterLinks rosterLinks,
            AuditTrail audit,
            Clock clock) {
        this.learners = learners;
        this.evidence = evidence;
        this.refusals = refusals;
        this.overrides = overrides;
        this.enrollments = enrollments;
        this.xapi = xapi;
        this.rosterLinks = rosterLinks;
        this.audit = audit;
        this.clock = clock;
    }

    /** What was erased: rows per kind. */
    public record Erasure(String erasureId, Instant erasedAt, Map<String, Integer> removed) {}

    @Transactional
    public Erasure erase(Caller caller, String learnerId) {
        String tenantId = caller.tenantId();
        learners.requireLocked(tenantId, learnerId);
        String erasureId = "erasure-" + UUID.randomUUID();
        Map<String, Integer> removed = new LinkedHashMap<>();
        int[] xapiRows = xapi.erase(
                tenantId,
                learnerId,
                evidence.ofLearner(tenantId, learnerId).stream()
                        .map(EvidenceRepository.FullRow::evidenceId)
                        .toList());
        removed.put("evidence", evidence.eraseLearner(tenantId, learnerId));
        removed.put("evidenceRefusals", refusals.eraseLearner(tenantId, learnerId));
        removed.put("overrides", overrides.deleteAll(tenantId, learnerId));
        removed.put("enrollments", enrollments.removeLearner(tenantId, learnerId));
        removed.put("xapiActors", xapiRows[0]);
        removed.put("xapiParkedStatements", xapiRows[1]);
        removed.put("xapiStatements", xapiRows[2]);
        removed.put("rosterLinks", rosterLinks.forgetLearner(tenantId, learnerId));
        removed.put("learner", learners.delete(tenantId, learnerId) ? 1 : 0);
        removed.put("auditRowsWithoutTheLearnerId", audit.forgetTarget(tenantId, "learner", learnerId, erasureId));
        audit.record(caller, "learner.erased", "erasure", erasureId, removed.toString());
        return new Erasure(erasureId, clock.instant(), removed);
    }
}
