package dev.pathwise.engine.facts;

/**
 * A competency the learner is ready to learn, with what the choice rules decide on for it as a whole: whether it is
 * in progress, how many options it has and how many of them are in the learner's preferred modality. Choice rules
 * that leave out or trim a whole competency match this fact once, instead of matching each of its options.
 */
public final class ReadyCompetency {

    private final String competencyId;
    private final boolean inProgress;
    private final int optionCount;
    private final int preferredModalityOptions;
    private final boolean onGoal;

    public ReadyCompetency(
            String competencyId, boolean inProgress, int optionCount, int preferredModalityOptions, boolean onGoal) {
        this.competencyId = competencyId;
        this.inProgress = inProgress;
        this.optionCount = optionCount;
        this.preferredModalityOptions = preferredModalityOptions;
        this.onGoal = onGoal;
    }

    public String getCompetencyId() {
        return competencyId;
    }

    /** True when the learner has evidence on it and has not mastered it yet. */
    public boolean isInProgress() {
        return inProgress;
    }

    /** How many options (activities) the planner ranked for it. */
    public int getOptionCount() {
        return optionCount;
    }

    /** How many of its options are in one of the learner's preferred modalities. */
    public int getPreferredModalityOptions() {
        return preferredModalityOptions;
    }

    /** True when it belongs to one of the learner's goals. */
    public boolean isOnGoal() {
        return onGoal;
    }

    @Override
    public String toString() {
        return "ReadyCompetency[" + competencyId + (inProgress ? ", in progress" : "") + ", " + optionCount
                + " options, " + preferredModalityOptions + " in the preferred modality" + (onGoal ? ", on goal" : "")
                + "]";
    }
}
