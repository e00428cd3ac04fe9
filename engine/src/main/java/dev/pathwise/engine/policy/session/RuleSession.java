package dev.pathwise.engine.policy.session;

import dev.pathwise.engine.policy.FiringRule;
import dev.pathwise.engine.policy.RuleFiring;
import dev.pathwise.engine.policy.RuleLoopException;
import dev.pathwise.engine.policy.RuleRun;
import dev.pathwise.engine.policy.sandbox.EvaluationGuard;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A stateful Drools session borrowed from a {@link RuleSessionPool} for one evaluation, by one thread.
 * It records the rules that fire; every call into Drools runs under an {@link EvaluationGuard}, so rules that go past
 * the evaluation limits are stopped; {@link #close()} empties the session and hands it back, or discards it when its
 * rules were stopped.
 */
public final class RuleSession implements RuleRun {

    private final KieSession session;
    private final RuleSessionPool pool;
    private final List<FactHandle> handles = new ArrayList<>(64);
    private final List<RuleFiring> firings = new ArrayList<>(64);
    private boolean cutOff;
    private EvaluationGuard guard;
    /** The firing record of each rule of the KieBase, made once per session instead of once per firing. */
    private final Map<org.kie.api.definition.rule.Rule, RuleFiring> firingOf = new IdentityHashMap<>();

    private final DefaultAgendaEventListener recorder = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            String rule = event.getMatch().getRule().getName();
            guard.firing(rule);
            FiringRule.set(rule);
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            guard.firing(null);
            FiringRule.set(null);
            firings.add(firingOf.computeIfAbsent(event.getMatch().getRule(), RuleSession::firing));
        }
    };

    /** Facts updated (modify/update) by each rule since the last {@link #fire}: what keeps a loop going. */
    private final Map<String, Integer> updatesByRule = new HashMap<>();

    private final DefaultRuleRuntimeEventListener updates = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (event.getRule() != null) {
                updatesByRule.merge(event.getRule().getName(), 1, Integer::sum);
            }
        }
    };

    RuleSession(KieSession session, RuleSessionPool pool) {
        this.session = session;
        this.pool = pool;
        session.addEventListener(recorder);
        session.addEventListener(updates);
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

    void begin(EvaluationLimits limits, Map<String, String> ruleOfClass) {
        guard = EvaluationGuard.start(
                limits, session::halt, ruleOfClass, () -> RuleWeights.heaviest(session, pool.kieBase()));
    }

    @Override
    public void setGlobal(String name, Object value) {
        guard.run(() -> {
            session.setGlobal(name, value);
            return null;
        });
    }

    @Override
    public void insert(Object fact) {
        handles.add(guard.run(() -> session.insert(fact)));
    }

    @Override
    public boolean matches(Class<?> factType) {
        return pool.matches(factType);
    }

    /**
     * Fires the given ruleflow (agenda) groups in order (the first group runs first), at most {@code limit} rules in all.
     *
     * @throws RuleLoopException       when the limit is reached
     * @throws EvaluationLimitException when the rules went past the CPU or allocation limit of one evaluation
     */
    @Override
    public void fire(int limit, String... agendaGroups) {
        for (int i = agendaGroups.length - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(agendaGroups[i]).setFocus();
        }
        int before = firings.size();
        cutOff = true;
        updatesByRule.clear();
        int fired = guard.run(() -> session.fireAllRules(limit));
        if (fired >= limit) {
            throw new RuleLoopException(limit, likelyLoop(firings.subList(before, firings.size()), updatesByRule));
        }
        cutOff = false;
    }

    /** The rules fired so far in this evaluation, in order. */
    @Override
    public List<RuleFiring> firings() {
        return List.copyOf(firings);
    }

    /**
     * The rules most likely to be looping: those that updated facts first (a rule that modifies what it matches
     * re-activates itself and every rule reading that fact, so all of them fire about as often), then the rules that
     * fired most; ties by name, so that the report is the same on every run.
     */
    private static List<String> likelyLoop(List<RuleFiring> fired, Map<String, Integer> updatesByRule) {
        Map<String, Integer> counts = new HashMap<>();
        fired.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
        return counts.keySet().stream()
                .sorted(Comparator.comparing((String rule) -> -updatesByRule.getOrDefault(rule, 0))
                        .thenComparing(rule -> -counts.get(rule))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3)
                .toList();
    }

    /**
     * Empties the session and returns it to its pool, or disposes it when it cannot be reused. A reset empties
     * working memory, agenda and focus even after a cut-off firing; without a reset, a session whose firing was cut
     * off (rule loop or failing consequence) may keep activations and focus, so it is disposed.
     *
     * <p>Where the session cannot be reset, the facts are deleted and the agenda is deliberately not cleared:
     * clearing it right after the deletes dropped their pending propagation, so joins in the reused session still
     * held the deleted facts and matched them again in the next evaluation.
     */
    @Override
    public void close() {
        guard.finish();
        boolean clean;
        try {
            if (guard.hasExceeded()) {
                clean = false;
            } else if (session instanceof StatefulKnowledgeSessionImpl resettable) {
                // Deleting the inserted facts is not enough: Drools evaluates rules lazily, so facts derived with
                // insertLogical stay in working memory until the next fireAllRules, and the session would never be
                // clean. reset() empties working memory, agenda and node memories, as Drools' own session pool does;
                // it also drops listeners and globals, so the recorder is added back (globals are set per use).
                resettable.reset();
                session.addEventListener(recorder);
                session.addEventListener(updates);
                clean = session.getFactCount() == 0;
            } else {
                for (FactHandle handle : handles) {
                    session.delete(handle);
                }
                clean = !cutOff && session.getFactCount() == 0;
            }
        } catch (RuntimeException e) {
            clean = false;
        }
        handles.clear();
        firings.clear();
        updatesByRule.clear();
        pool.giveBack(this, clean);
    }

    void dispose() {
        session.dispose();
    }
}
