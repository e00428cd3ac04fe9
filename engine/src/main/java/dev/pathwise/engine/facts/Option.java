package dev.pathwise.engine.facts;

import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.util.List;
import java.util.function.Supplier;

/**
 * A candidate next step: an activity for a ready competency, ranked by the planner (1 is best).
 * The choice rules exclude, prefer and limit options; they never re-rank them.
 */
public final class Option {

    private final String activityId;
    private final String competencyId;
    private final ActivityKind kind;
    private final Modality modality;
    private final Grouping grouping;
    private final int rank;
    private final String goalId;
    private final boolean matchesModality;
    private final boolean matchesInterest;
    private final boolean teacherAssigned;
    private final boolean competencyInProgress;
    private List<String> reasons;
    private Supplier<List<String>> reasonsSource;

    /**
     * An option whose reasons are put into words only when read: the planner ranks every ready activity, but only
     * the few the learner sees are ever explained.
     */
    public Option(
            String activityId,
            String competencyId,
            ActivityKind kind,
            Modality modality,
            Grouping grouping,
            int rank,
            String goalId,
            boolean matchesModality,
            boolean matchesInterest,
            boolean teacherAssigned,
            boolean competencyInProgress,
            Supplier<List<String>> reasons) {
        this.activityId = activityId;
        this.competencyId = competencyId;
        this.kind = kind;
        this.modality = modality;
        this.grouping = grouping;
        this.rank = rank;
        this.goalId = goalId;
        this.matchesModality = matchesModality;
        this.matchesInterest = matchesInterest;
        this.teacherAssigned = teacherAssigned;
        this.competencyInProgress = competencyInProgress;
        this.reasonsSource = reasons;
    }

    public String getActivityId() {
        return activityId;
    }

    public String getCompetencyId() {
        return competencyId;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public Modality getModality() {
        return modality;
    }

    public Grouping getGrouping() {
        return grouping;
    }

    public int getRank() {
        return rank;
    }

    /** The goal this option serves, or {@code null}. */
    public String getGoalId() {
        return goalId;
    }

    public boolean isOnGoal() {
        return goalId != null;
    }

    public boolean isMatchesModality() {
        return matchesModality;
    }

    public boolean isMatchesInterest() {
        return matchesInterest;
    }

    public boolean isTeacherAssigned() {
        return teacherAssigned;
    }

    /** True when the learner already has evidence on the option's competency and has not mastered it yet. */
    public boolean isCompetencyInProgress() {
        return competencyInProgress;
    }

    /** Why the planner ranked it where it is, in words. */
    public List<String> getReasons() {
        if (reasons == null) {
            reasons = List.copyOf(reasonsSource.get());
            reasonsSource = null;
        }
        return reasons;
    }

    @Override
    public String toString() {
        return "Option[" + activityId + " for " + competencyId + ", rank " + rank + "]";
    }
}
