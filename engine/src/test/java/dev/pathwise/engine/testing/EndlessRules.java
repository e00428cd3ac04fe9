package dev.pathwise.engine.testing;

import dev.pathwise.engine.policy.RuleFile;

/**
 * Rules that pass every compile-time check of the sandbox but would run without end: only the evaluation limits stop
 * them. Both start from any assessment in the mastery phase.
 */
public final class EndlessRules {

    /** Inserts 400 Struggling facts one firing at a time, then joins every four of them: 25 billion tuples. */
    public static final RuleFile JOIN_WITHOUT_END = new RuleFile("join.drl", """
            package dev.pathwise.endless;

            import dev.pathwise.engine.facts.*;

            rule "Grows a chain of facts"
                ruleflow-group "mastery-classify"
            when
                Assessment()
                Struggling( $id : competencyId, competencyId.length() < 400 )
            then
                insert( new Struggling( $id + "x" ) );
            end

            rule "Starts the chain"
                ruleflow-group "mastery-classify"
            when
                Assessment()
                not Struggling()
            then
                insert( new Struggling( "x" ) );
            end

            rule "Joins every four facts"
                ruleflow-group "mastery-decide"
            when
                Struggling( $a : competencyId )
                Struggling( $b : competencyId )
                Struggling( $c : competencyId )
                Struggling( competencyId.length() == $a.length() + $b.length() + $c.length() + 5000 )
            then
            end
            """);

    /** Doubles a string at each firing until it would take gigabytes. */
    public static final RuleFile GROWTH_WITHOUT_END = new RuleFile("growth.drl", """
            package dev.pathwise.endless;

            import dev.pathwise.engine.facts.*;

            rule "Starts a string"
                ruleflow-group "mastery-classify"
            when
                Assessment( $id : competencyId )
                not Struggling()
            then
                insert( new Struggling( $id ) );
            end

            rule "Doubles the string"
                ruleflow-group "mastery-classify"
            when
                $s : Struggling( $id : competencyId, competencyId.length() < 1000000000 )
            then
                delete( $s );
                insert( new Struggling( $id + $id ) );
            end
            """);

    private EndlessRules() {}
}
