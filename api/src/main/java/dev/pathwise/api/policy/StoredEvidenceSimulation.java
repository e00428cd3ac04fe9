package dev.pathwise.api.policy;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.evidence.StoredEvidence;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.RulesStoppedException;
import dev.pathwise.engine.simulation.LearnerDiff;
import dev.pathwise.engine.simulation.PolicySimulation;
import dev.pathwise.engine.simulation.SimulationReport;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What-if on the service's own data: every learner's stored evidence (voided evidence left out, and evidence whose
 * competency or activity left the curriculum) is replayed under the active version and under a candidate, and the
 * learners that come out differently are counted per grade band and school, with a sample explained.
 */
@Service
public class StoredEvidenceSimulation {

    private final TenantPolicies policies;
    private final PolicyPublishing publishing;
    private final CurriculumCache curricula;
    private final LearnerRepository learners;
    private final StoredEvidence storedEvidence;

    public StoredEvidenceSimulation(
            TenantPolicies policies,
            PolicyPublishing publishing,
            CurriculumCache curricula,
            LearnerRepository learners,
            StoredEvidence storedEvidence) {
        this.policies = policies;
        this.publishing = publishing;
        this.curricula = curricula;
        this.learners = learners;
        this.storedEvidence = storedEvidence;
    }

    /** The simulation as JSON: versions, totals, counts, every changed learner's id, a sample explained. */
    public record SimulationJson(
            String currentVersion,
            String candidateVersion,
            int learners,
            int evidence,
            int skippedEvidence,
            int changedLearners,
            List<String> changed,
            Map<String, SimulationReport.Count> byGradeBand,
            Map<String, SimulationReport.Count> bySchool,
            List<LearnerDiff> sample,
            String text) {}

    public SimulationJson simulate(String tenantId, String policyId, PolicyFiles candidateFiles, int sample) {
        publishing.requirePolicy(tenantId, policyId);
        if (sample < 0 || sample > 1000) {
            throw ApiProblem.invalid("sample", sample, "sample: " + sample + " must be between 0 and 1000");
        }
        CandidatePolicy candidate =
                CandidatePolicy.check(policyId, "candidate", candidateFiles, false, policies.newRuntime(1));
        if (candidate.compiled() == null) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "policy-refused",
                    "files",
                    "candidate",
                    "the candidate does not compile, so it cannot be simulated: "
                            + candidate.report().summary(),
                    candidate.report().problems().stream()
                            .map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message())
                            .toList(),
                    Map.of("report", candidate.report()));
        }
        CompiledPolicy current = policies.active(tenantId);
        Curriculum curriculum = curricula.curriculum(tenantId);
        List<LearnerProfile> profiles = learners.all(tenantId, null).stream()
                .map(StoredLearner::snapshot)
                .map(s -> s.profile())
                .toList();
        StoredEvidence.Replayable stored = storedEvidence.ofTenant(tenantId, curriculum);
        SimulationReport report;
        try {
            report = new PolicySimulation()
                    .run(current, candidate.compiled(), curriculum, profiles, stored.evidence(), sample);
        } catch (RulesStoppedException e) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    e.problemType(),
                    "rules",
                    e.rules(),
                    "simulation cut off: " + e.getMessage(),
                    e.rules(),
                    Map.of("rules", e.rules()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failed) {
            throw Problems.evaluationFailed(
                    failed, "simulation cut off: the rules failed (" + Problems.describeFailure(failed) + ")");
        }
        return new SimulationJson(
                report.currentVersion(),
                report.candidateVersion(),
                report.learners(),
                report.evidence(),
                stored.skipped(),
                report.changed().size(),
                report.changed().stream().map(LearnerDiff::learnerId).toList(),
                report.byGradeBand(),
                report.bySchool(),
                report.sample(),
                report.format());
    }
}
