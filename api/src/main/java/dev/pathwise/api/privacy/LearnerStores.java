package dev.pathwise.api.privacy;

import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.evidence.EvidenceRefusals;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.interop.xapi.XapiLearnerData;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.OverrideService;
import dev.pathwise.api.roster.RosterLinks;
import org.springframework.stereotype.Component;

/**
 * Every store that keeps something about a learner: the export reads each of them and the erasure empties each of
 * them, so a store added here is one neither can forget.
 */
@Component
public record LearnerStores(
        LearnerRepository learners,
        EvidenceRepository evidence,
        EvidenceRefusals refusals,
        OverrideService overrides,
        EnrollmentRepository enrollments,
        XapiLearnerData xapi,
        RosterLinks rosterLinks) {}
