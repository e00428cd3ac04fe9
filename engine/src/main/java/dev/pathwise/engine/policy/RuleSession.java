package dev.pathwise.engine.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * A stateful Drools session borrowed from a {@link RuleSessionPool} for one evaluation, by one thread.
 * It records the rules that fire; {@link #close()} resets the session and hands it back.
 */
public final class RuleSession implements RuleRun {

    private final KieSession session;
    private final RuleSessionPool pool;
    private final List<RuleFiring> firings = new ArrayList<>(64);
    private final AgendaEventListener recorder;
    /** The firing record of each rule of the KieBase, made once per session instead of once per firing. */
    private final Map<org.kie.api.definition.rule.Rule, RuleFiring> firingOf = new IdentityHashMap<>();

    RuleSession(KieSession session, RuleSessionPool pool) {
        this.session = session;
        this.pool = pool;
        this.recorder = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firings.add(firingOf.computeIfAbsent(event.getMatch().getRule(), RuleSession::firing));
            }
        };
        session.addEventListener(recorder);
    }

    private static RuleFiring firing(org.kie.api.definition.rule.Rule rule) {
        Object group = rule.getMetaData().get("agendaGroup");
        return new RuleFiring(rule.getName(), group == null ? agendaGroupOf(rule) : group.toString());
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
        session.insert(fact);
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
        int fired = session.fireAllRules(limit);
        if (fired >= limit) {
            throw new RuleLoopException(limit, mostFrequent(firings.subList(before, firings.size())));
        }
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
     * Forgets every fact and returns the session to its pool (or disposes it when it cannot be reused).
     *
     * <p>The session is reset, as Drools' own session pool does, rather than cleaned by deleting each fact and
     * clearing the agenda: facts inserted in a phase that never fired (the mastery phases of a next-step query)
     * left their partial matches behind after delete + clear, and the next evaluation on the session joined them
     * (a K-2 learner's evidence explained with the 9-12 parameters of the query before).
     */
    @Override
    public void close() {
        boolean clean;
        try {
            ((StatefulKnowledgeSessionImpl) session).reset();
            if (!session.getAgendaEventListeners().contains(recorder)) {
                session.addEventListener(recorder); // reset() forgets the listeners
            }
            clean = session.getFactCount() == 0;
        } catch (RuntimeException e) {
            clean = false;
        }
        firings.clear();
        pool.giveBack(this, clean);
    }

    void dispose() {
        session.dispose();
    }
}
