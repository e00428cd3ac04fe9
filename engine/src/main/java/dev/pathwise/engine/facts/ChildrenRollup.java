package dev.pathwise.engine.facts;

import dev.pathwise.engine.learner.MasteryLevel;

/** A parent competency with how its children stand: the rollup rules set the parent's level from it. */
public final class ChildrenRollup {

    private final String parentId;
    private final int childCount;
    private final int masteredChildren;
    private final int childrenWithEvidence;
    private final MasteryLevel previousLevel;

    public ChildrenRollup(
            String parentId,
            int childCount,
            int masteredChildren,
            int childrenWithEvidence,
            MasteryLevel previousLevel) {
        this.parentId = parentId;
        this.childCount = childCount;
        this.masteredChildren = masteredChildren;
        this.childrenWithEvidence = childrenWithEvidence;
        this.previousLevel = previousLevel;
    }

    public String getParentId() {
        return parentId;
    }

    public int getChildCount() {
        return childCount;
    }

    public int getMasteredChildren() {
        return masteredChildren;
    }

    public int getChildrenWithEvidence() {
        return childrenWithEvidence;
    }

    public MasteryLevel getPreviousLevel() {
        return previousLevel;
    }
}
