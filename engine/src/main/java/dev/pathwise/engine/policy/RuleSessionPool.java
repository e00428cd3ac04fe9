package dev.pathwise.engine.policy;

import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;

/**
 * Reusable stateful sessions over one compiled KieBase. Each session is used by one thread at a time:
 * {@link #borrow()} hands one out, {@link RuleSession#close()} cleans it and brings it back.
 * Reusing sessions avoids building the session's network memory for every evaluation.
 */
public final class RuleSessionPool {

    private final KieBase kieBase;
    private final int maxIdle;
    private final EvaluationLimits limits;
    private final Map<String, String> ruleOfClass;
    private final ConcurrentLinkedQueue<RuleSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Map<Class<?>, Boolean> matched = new ConcurrentHashMap<>();

    /**
     * @param limits      how much one evaluation's rules may take before they are stopped
     * @param ruleOfClass the rule each class generated from the rule files belongs to (class name with dots), to name
     *                    the rule running when an evaluation is stopped
     */
    public RuleSessionPool(KieBase kieBase, int maxIdle, EvaluationLimits limits, Map<String, String> ruleOfClass) {
        this.kieBase = kieBase;
        this.maxIdle = maxIdle;
        this.limits = limits;
        this.ruleOfClass = Map.copyOf(ruleOfClass);
    }

    /** A session for one evaluation on the current thread, watched within the evaluation limits until closed. */
    public RuleSession borrow() {
        RuleSession session = idle.poll();
        if (session != null) {
            idleCount.decrementAndGet();
        } else {
            session = new RuleSession(kieBase.newKieSession(), this);
        }
        session.begin(limits, ruleOfClass);
        return session;
    }

    void giveBack(RuleSession session, boolean clean) {
        if (clean && idleCount.incrementAndGet() <= maxIdle) {
            idle.offer(session);
        } else {
            if (clean) {
                idleCount.decrementAndGet();
            }
            session.dispose();
        }
    }

    /**
     * Whether a rule of the KieBase can match a fact of this class: the network has an object type node for the
     * class or for one of its supertypes. A fact no rule can match need not be inserted.
     */
    public boolean matches(Class<?> factType) {
        return matched.computeIfAbsent(factType, type -> {
            if (!(kieBase instanceof InternalKnowledgeBase internal)) {
                return true;
            }
            for (ObjectTypeNode node : internal.getRete().getObjectTypeNodes()) {
                if (node.getObjectType().isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        });
    }

    public KieBase kieBase() {
        return kieBase;
    }
}
