package dev.pathwise.engine.policy.sandbox;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.policy.RuleFiring;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a curriculum team writes passes the sandbox and runs: accumulate with its functions, exists, not, forall, or,
 * eval, from a fact's list, the string and collection operators, Math, java.time values, insert, insertLogical,
 * modify, delete, string joins and the {@code kcontext} the fact model's factories take.
 */
class AllowedRuleFeaturesTest {

    private static final RuleFile FEATURES = new RuleFile("features.drl", """
            package dev.pathwise.test;

            import dev.pathwise.engine.facts.*;
            import dev.pathwise.engine.learner.MasteryLevel;
            import dev.pathwise.engine.policy.BandParameters;
            import java.util.List;

            global Decisions decisions;

            rule "Counts, sums and collects the assessments"
                ruleflow-group "mastery-classify"
            when
                $n : Number( intValue >= 1 ) from accumulate( Assessment( score > 0.5 ), count( 1 ) )
                $sum : Number() from accumulate( Assessment( $x : score ), sum( $x ) )
                $max : Number() from accumulate( Assessment( $y : score ), max( $y ) )
                $mean : Number() from accumulate( Assessment( $z : score ), average( $z ) )
                $all : List() from accumulate( $a : Assessment(), collectList( $a ) )
            then
                decisions.flag( kcontext, FlagKind.STALLED, "count", null, $n.doubleValue(), Support.MINI_LESSON,
                        "%d assessed, sum %.2f, max %.2f, mean %.2f, %d in all", $n.intValue(), $sum.doubleValue(),
                        $max.doubleValue(), $mean.doubleValue(), $all.size() );
            end

            rule "Reads operators, Math and dates"
                ruleflow-group "mastery-classify"
                salience 5
                no-loop
            when
                exists Assessment( score > 0.8 )
                not Struggling( competencyId == "count" )
                forall( $a : Assessment() Assessment( this == $a, score >= 0 ) )
                ( BandParameters( masteredThreshold > 0.5 ) or BandParameters( approachingThreshold > 0.5 ) )
                eval( 1 + 1 == 2 )
                $a : Assessment( competencyId str[startsWith] "co", competencyId != null,
                        previousLevel in ( MasteryLevel.NO_EVIDENCE, MasteryLevel.BEGINNING ),
                        Math.abs( score - 0.5 ) < 0.5, method.length() > 2 )
            then
                String note = "seen " + $a.getCompetencyId() + " at " + Math.round( $a.getScore() * 100 ) + "%";
                java.time.LocalDate day = java.time.LocalDate.of( 2026, 9, 7 ).plusDays( 1 );
                insert( new Struggling( "marker" ) );
                insertLogical( Shortfall.of( kcontext, $a.getCompetencyId(), "%s on %s", note, day ) );
                decisions.flag( kcontext, FlagKind.STRUGGLING, $a.getCompetencyId(), null, 1, Support.SMALL_GROUP,
                        "%s on %s", note, day );
            end

            rule "Deletes the marker it inserted"
                ruleflow-group "mastery-classify"
            when
                $s : Struggling( competencyId == "marker" )
            then
                delete( $s );
            end
            """);

    @Test
    void rulesUsingTheAllowedFeaturesCompileAndRun() {
        // given
        CompiledPolicy policy = new PolicyRuntime(1, 1)
                .compile(MinimalPolicy.source("1", 0.8, List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH, FEATURES)));

        // when
        var update = new PathwayEvaluator()
                .evaluate(policy, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.9, 0), START)
                .update();

        // then
        assertThat(update.trace())
                .extracting(RuleFiring::rule)
                .contains(
                        "Counts, sums and collects the assessments",
                        "Reads operators, Math and dates",
                        "Deletes the marker it inserted");
        assertThat(update.flags())
                .extracting(flag -> flag.why().toString())
                .anySatisfy(why -> assertThat(why).contains("1 assessed, sum 0.90, max 0.90, mean 0.90, 1 in all"))
                .anySatisfy(why -> assertThat(why).contains("seen count at 90% on 2026-09-08"));
    }
}
