package dev.pathwise.engine.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A stateful Drools session borrowed from a {@link RuleSessionPool} for one evaluation, by one thread.
 * It records the rules that fire; {@link #close()} retracts every fact and hands the session back.
 */
public final class RuleSession implements RuleRun {

    private final KieSession session;
    private final RuleSessionPool pool;
    private final List<FactHandle> handles = new ArrayList<>(64);
    private final List<RuleFiring> firings = new ArrayList<>(64);
    private boolean cutOff;

    RuleSession(KieSession session, RuleSessionPool pool) {
        this.session = session;
        this.pool = pool;
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                var rule = event.getMatch().getRule();
                Object group = rule.getMetaData().get("agendaGroup");
                firings.add(new RuleFiring(rule.getName(), group == null ? agendaGroupOf(rule) : group.toString()));
            }
        });
    }

    private static String agendaGroupOf(org.kie.api.definition.rule.Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
            return impl.getAgendaGroup();
        }
        return "MAIN";
    }

    @Override
    public void setGlobal(String name, Object value) {
        session.setGlobal(name, value);
    }

    @Override
    public void insert(Object fact) {
        handles.add(session.insert(fact));
    }

    /**
     * Fires the given agenda groups in order (the first group runs first), at most {@code limit} rules in all.
     *
     * @throws RuleLoopException when the limit is reached
     */
    @Override
    public void fire(int limit, String... agendaGroups) {
        for (int i = agendaGroups.length - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(agendaGroups[i]).setFocus();
        }
        int before = firings.size();
        cutOff = true;
        int fired = session.fireAllRules(limit);
        if (fired >= limit) {
            throw new RuleLoopException(limit, mostFrequent(firings.subList(before, firings.size())));
        }
        cutOff = false;
    }

    /** The rules fired so far in this evaluation, in order. */
    @Override
    public List<RuleFiring> firings() {
        return List.copyOf(firings);
    }

    private static List<String> mostFrequent(List<RuleFiring> fired) {
        Map<String, Integer> counts = new HashMap<>();
        fired.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Retracts every fact and returns the session to its pool, or disposes it when it cannot be reused: when a
     * firing was cut off (rule loop or failing consequence), activations and focus may be left behind.
     *
     * <p>The agenda is deliberately not cleared here: clearing it right after the deletes dropped their pending
     * propagation, so joins in the reused session still held the deleted facts and matched them again in the next
     * evaluation (a learner's pace flag fired once per earlier evaluation of that session).
     */
    @Override
    public void close() {
        boolean clean;
        try {
            for (FactHandle handle : handles) {
                session.delete(handle);
            }
            clean = !cutOff && session.getFactCount() == 0;
        } catch (RuntimeException e) {
            clean = false;
        }
        handles.clear();
        firings.clear();
        pool.giveBack(this, clean);
    }

    void dispose() {
        session.dispose();
    }
}
