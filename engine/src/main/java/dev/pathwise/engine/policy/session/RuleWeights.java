package dev.pathwise.engine.policy.session;

import java.util.Map;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.Memory;
import org.drools.core.reteoo.BetaMemory;
import org.drools.core.reteoo.PathMemory;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.TerminalNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Which rule holds the most partial matches in a session: when an evaluation is stopped while Drools joins facts
 * (no rule's own code is running), the rule whose joins hold the most tuples is the one that could not finish.
 * Read from another thread while the session works, so the counts are approximate; that is enough to name the rule.
 */
final class RuleWeights {

    /** Below this many partial matches no rule is named: the evaluation was not stopped in a join. */
    private static final long NAMED_FROM = 1_000;

    private RuleWeights() {}

    /** The rule with the most partial matches in the session, or null when none holds many. */
    static String heaviest(KieSession session, KieBase kieBase) {
        if (!(session instanceof InternalWorkingMemory memory) || !(kieBase instanceof InternalKnowledgeBase base)) {
            return null;
        }
        try {
            String heaviest = null;
            long most = NAMED_FROM;
            for (Map.Entry<String, TerminalNode[]> rule :
                    base.getReteooBuilder().getTerminalNodes().entrySet()) {
                long weight = 0;
                for (TerminalNode node : rule.getValue()) {
                    if (memory.getNodeMemories().peekNodeMemory(node) instanceof PathMemory path
                            && path.getSegmentMemories() != null) {
                        for (SegmentMemory segment : path.getSegmentMemories()) {
                            weight += weightOf(segment);
                        }
                    }
                }
                if (weight > most && rule.getValue().length > 0) {
                    most = weight;
                    heaviest = rule.getValue()[0].getRule().getName();
                }
            }
            return heaviest;
        } catch (RuntimeException e) {
            return null; // the session changed under the reading; the caller names no rule
        }
    }

    private static long weightOf(SegmentMemory segment) {
        if (segment == null) {
            return 0;
        }
        long weight = segment.getStagedLeftTuples().getInsertSize();
        for (Memory node : segment.getNodeMemories()) {
            if (node instanceof BetaMemory<?> beta) {
                weight += beta.getLeftTupleMemory().size()
                        + beta.getRightTupleMemory().size()
                        + beta.getStagedRightTuples().getInsertSize();
            }
        }
        return weight;
    }
}
