package dev.pathwise.engine.policy;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;

/**
 * Reusable stateful sessions over one compiled KieBase. Each session is used by one thread at a time:
 * {@link #borrow()} hands one out, {@link RuleSession#close()} cleans it and brings it back.
 * Reusing sessions avoids building the session's network memory for every evaluation.
 */
public final class RuleSessionPool {

    private final KieBase kieBase;
    private final int maxIdle;
    private final ConcurrentLinkedQueue<RuleSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    public RuleSessionPool(KieBase kieBase, int maxIdle) {
        this.kieBase = kieBase;
        this.maxIdle = maxIdle;
    }

    public RuleSession borrow() {
        RuleSession session = idle.poll();
        if (session != null) {
            idleCount.decrementAndGet();
            return session;
        }
        return new RuleSession(kieBase.newKieSession(), this);
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

    public KieBase kieBase() {
        return kieBase;
    }
}
