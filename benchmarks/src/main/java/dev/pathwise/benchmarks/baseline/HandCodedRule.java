package dev.pathwise.benchmarks.baseline;

import java.util.Map;
import org.kie.api.definition.KieDefinition;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One rule of the default pack as the hand-coded baseline names it: the {@link RuleContext} that
 * {@link dev.pathwise.engine.facts.Decisions} and the derived facts read the rule's name from.
 * Only the name is real; nothing here runs inside Drools.
 */
final class HandCodedRule implements RuleContext, Rule {

    private final String name;
    private final String phase;

    HandCodedRule(String name, String phase) {
        this.name = name;
        this.phase = phase;
    }

    String phase() {
        return phase;
    }

    @Override
    public Rule getRule() {
        return this;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getPackageName() {
        return "dev.pathwise.rules";
    }

    @Override
    public Map<String, Object> getMetaData() {
        return Map.of();
    }

    @Override
    public int getLoadOrder() {
        return 0;
    }

    @Override
    public KieDefinition.KnowledgeType getKnowledgeType() {
        return KieDefinition.KnowledgeType.RULE;
    }

    @Override
    public String getNamespace() {
        return getPackageName();
    }

    @Override
    public String getId() {
        return name;
    }

    @Override
    public Match getMatch() {
        throw unsupported();
    }

    @Override
    public FactHandle insertLogical(Object object) {
        throw unsupported();
    }

    @Override
    public FactHandle insertLogical(EntryPoint ep, Object object) {
        throw unsupported();
    }

    @Override
    public void blockMatch(Match match) {
        throw unsupported();
    }

    @Override
    public void unblockAllMatches(Match match) {
        throw unsupported();
    }

    @Override
    public void cancelMatch(Match match) {
        throw unsupported();
    }

    @Override
    public KieRuntime getKieRuntime() {
        throw unsupported();
    }

    @Override
    public KieRuntime getKnowledgeRuntime() {
        throw unsupported();
    }

    private UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("rule \"" + name + "\" is hand-coded and has no Drools session");
    }

    @Override
    public String toString() {
        return name;
    }
}
