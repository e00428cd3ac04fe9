package dev.pathwise.api.learner;

/**
 * A write of a learner's state that the database refused: the row was no longer at the version read, or the evidence
 * table holds another number of the learner's evidence than the state written accounts for. It means a writer did
 * not hold the learner's lock or left stored evidence out of the state; the transaction is rolled back, so nothing of
 * it is kept and nothing is acknowledged. Answered as a 500 problem and counted in
 * {@code pathwise.learner.state.conflicts}: it must never happen, and never silently.
 */
public final class LearnerStateConflict extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String learnerId;

    LearnerStateConflict(
            String tenantId,
            String learnerId,
            long versionRead,
            long evidenceRead,
            long evidenceWritten,
            long versionNow,
            long evidenceNow,
            long evidenceStored) {
        super("learner '" + learnerId + "' of tenant '" + tenantId + "': the write of its state was refused. It was"
                + " read at version " + versionRead + " accounting for " + evidenceRead + " evidence and would account"
                + " for " + evidenceWritten + "; the row is at version " + versionNow + " accounting for "
                + evidenceNow + ", and " + evidenceStored + " evidence of the learner are stored");
        this.learnerId = learnerId;
    }

    public String learnerId() {
        return learnerId;
    }
}
