package dev.pathwise.engine.testing;

import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.policy.RuleFile;
import java.util.List;
import java.util.Locale;

/**
 * A small policy written for engine tests, independent of the default pack in the rules module: the mastery
 * method "latest", one mastery rule per level, an "all children" rollup, a struggling flag and the option limit.
 * Ruleflow groups and the {@code decisions} global are the ones the evaluator drives.
 */
public final class MinimalPolicy {

    public static final String POLICY_ID = "minimal";

    /** mastery-classify, mastery-decide and rollup. */
    public static final RuleFile MASTERY = new RuleFile("mastery.drl", """
            package dev.pathwise.test;

            import dev.pathwise.engine.facts.Assessment;
            import dev.pathwise.engine.facts.ChildrenRollup;
            import dev.pathwise.engine.facts.Decisions;
            import dev.pathwise.engine.facts.LevelProposal;
            import dev.pathwise.engine.learner.MasteryLevel;
            import dev.pathwise.engine.policy.BandParameters;

            global Decisions decisions;

            rule "Beginning once there is evidence"
                ruleflow-group "mastery-classify"
            when
                $a : Assessment()
            then
                insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.BEGINNING,
                        "%s %.2f", $a.getMethod(), $a.getScore() ) );
            end

            rule "Mastered at the threshold"
                ruleflow-group "mastery-classify"
            when
                BandParameters( $threshold : masteredThreshold )
                $a : Assessment( score >= $threshold )
            then
                insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED,
                        "%s %.2f >= threshold %.2f", $a.getMethod(), $a.getScore(), $threshold ) );
            end

            rule "The highest level proposed becomes the level"
                ruleflow-group "mastery-decide"
            when
                Assessment( $id : competencyId )
                $top : LevelProposal( competencyId == $id, $value : value )
                not LevelProposal( competencyId == $id, value > $value )
            then
                decisions.level( $top );
            end

            rule "A parent is mastered when its children meet the rollup rule"
                ruleflow-group "rollup"
            when
                BandParameters( $rollup : rollup )
                $r : ChildrenRollup( $rollup.isSatisfied( masteredChildren, childCount ) )
            then
                decisions.level( LevelProposal.of( kcontext, $r.getParentId(), MasteryLevel.MASTERED,
                        "%d of %d children mastered", $r.getMasteredChildren(), $r.getChildCount() ) );
            end

            rule "A parent is beginning while its children do not meet the rollup rule"
                ruleflow-group "rollup"
            when
                BandParameters( $rollup : rollup )
                $r : ChildrenRollup( childrenWithEvidence > 0, !$rollup.isSatisfied( masteredChildren, childCount ) )
            then
                decisions.level( LevelProposal.of( kcontext, $r.getParentId(), MasteryLevel.BEGINNING,
                        "%d of %d children mastered", $r.getMasteredChildren(), $r.getChildCount() ) );
            end
            """);

    /** pacing and choice-decide. */
    public static final RuleFile PATH = new RuleFile("path.drl", """
            package dev.pathwise.test;

            import dev.pathwise.engine.facts.Decisions;
            import dev.pathwise.engine.facts.FlagKind;
            import dev.pathwise.engine.facts.Progress;
            import dev.pathwise.engine.facts.Struggling;
            import dev.pathwise.engine.facts.Support;
            import dev.pathwise.engine.policy.BandParameters;

            global Decisions decisions;

            rule "Struggling after consecutive results below approaching"
                ruleflow-group "pacing"
            when
                BandParameters( $after : struggleAfter )
                $p : Progress( consecutiveBelowApproaching >= $after )
            then
                insertLogical( new Struggling( $p.getCompetencyId() ) );
                decisions.flag( kcontext, FlagKind.STRUGGLING, $p.getCompetencyId(), null,
                        $p.getConsecutiveBelowApproaching(), Support.MINI_LESSON, "%d results in a row below approaching",
                        $p.getConsecutiveBelowApproaching() );
            end

            rule "Learners see up to the grade band's number of options"
                ruleflow-group "choice-decide"
            when
                BandParameters( $max : maxOptions )
            then
                decisions.limitOptions( kcontext, $max, "up to %d options", $max );
            end
            """);

    private MinimalPolicy() {}

    /** Every parameter set under 'defaults', mastered at 0.80, every ready option shown. */
    public static String parametersYaml() {
        return parametersYaml(0.80);
    }

    public static String parametersYaml(double masteredThreshold) {
        return String.format(Locale.ROOT, """
                defaults:
                  method: latest
                  methodParameters: {}
                  exceedingThreshold: 0.95
                  masteredThreshold: %.2f
                  approachingThreshold: 0.40
                  demotionThreshold: 0.30
                  correctnessCut: 0.80
                  minimumEvidence: 1
                  summativeRequired: false
                  rollup: all
                  pacingFloorPerWeek: 0.5
                  pacingGraceWeeks: 2
                  struggleAfter: 3
                  stalledAfter: 8
                  teacherDirected: false
                  maxOptions: 0
                  maxInProgress: 3
                  groupSizeMin: 3
                  groupSizeMax: 6
                """, masteredThreshold);
    }

    public static PolicySource source(String version) {
        return source(version, 0.80);
    }

    public static PolicySource source(String version, double masteredThreshold) {
        return source(version, masteredThreshold, List.of(MASTERY, PATH));
    }

    public static PolicySource source(String version, double masteredThreshold, List<RuleFile> ruleFiles) {
        return PolicySource.district(
                POLICY_ID, version, ruleFiles, new ParameterFile("parameters.yaml", parametersYaml(masteredThreshold)));
    }
}
