package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.policy.PolicyChecker;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrlMistakesProbe {

    static final String HEAD = """
            package dev.pathwise.test;

            import dev.pathwise.engine.facts.*;
            import dev.pathwise.engine.learner.MasteryLevel;
            import dev.pathwise.engine.policy.BandParameters;

            global Decisions decisions;

            rule "Mastered at the threshold again"
                ruleflow-group "mastery-classify"
            when
            """;

    static String rule(String when, String then) {
        return HEAD + when + "\nthen\n" + then + "\nend\n";
    }

    @Test
    void probe() {
        Map<String, String> cases = new LinkedHashMap<>();
        String okWhen = "    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score >= $t )";
        String okThen = "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"%.2f\", $a.getScore() ) );";
        cases.put("field", rule("    BandParameters( $t : masteredThreshold )\n    $a : Assessment( scor >= $t )", okThen));
        cases.put("parameter", rule("    BandParameters( $t : masteredThreshhold )\n    $a : Assessment( score >= $t )", okThen));
        cases.put("method", rule(okWhen, "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyID(), MasteryLevel.MASTERED, \"%.2f\", $a.getScore() ) );"));
        cases.put("type", rule("    BandParameters( $t : masteredThreshold )\n    $a : Assesment( score >= $t )", okThen));
        cases.put("global", rule(okWhen, "    decision.level( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"));
        cases.put("missing paren", rule("    BandParameters( $t : masteredThreshold\n    $a : Assessment( score >= $t )", okThen));
        cases.put("missing end", HEAD + okWhen + "\nthen\n" + okThen + "\n");
        cases.put("missing then", HEAD + okWhen + "\n" + okThen + "\nend\n");
        cases.put("curly quotes", HEAD.replace("\"Mastered at the threshold again\"", "\u201cMastered at the threshold again\u201d") + okWhen + "\nthen\n" + okThen + "\nend\n");
        cases.put("single equals", rule("    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score = $t )", okThen));
        cases.put("arrow operator", rule("    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score => $t )", okThen));
        cases.put("enum constant", rule(okWhen, "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERD, \"x\" ) );"));
        cases.put("unbound variable", rule(okWhen, "    insertLogical( LevelProposal.of( kcontext, $b.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"));
        cases.put("missing semicolon", rule(okWhen, "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) )"));
        cases.put("wrong argument", rule(okWhen, "    decisions.level( \"mastered\" );"));
        cases.put("insertLogic", rule(okWhen, "    insertLogic( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"));
        cases.put("ruleflow group", HEAD.replace("\"mastery-classify\"", "\"mastery-clasify\"") + okWhen + "\nthen\n" + okThen + "\nend\n");
        cases.put("attribute", HEAD.replace("ruleflow-group", "ruleflow-grop") + okWhen + "\nthen\n" + okThen + "\nend\n");
        cases.put("import", HEAD.replace("import dev.pathwise.engine.facts.*;", "import dev.pathwise.engine.facts.Assesment;") + okWhen + "\nthen\n" + okThen + "\nend\n");
        cases.put("when typo", HEAD.replace("\nwhen\n", "\nwen\n") + okWhen + "\nthen\n" + okThen + "\nend\n");
        cases.put("unquoted name", HEAD.replace("\"Mastered at the threshold again\"", "Mastered at the threshold again") + okWhen + "\nthen\n" + okThen + "\nend\n");
        cases.put("string vs number", rule("    $a : Assessment( score >= \"0.8\" )", okThen));
        cases.put("field access in consequence", rule(okWhen, "    insertLogical( LevelProposal.of( kcontext, $a.competencyId, MasteryLevel.MASTERED, \"x\" ) );"));
        cases.put("and between patterns", rule("    BandParameters( $t : masteredThreshold ) && $a : Assessment( score >= $t )", okThen));
        cases.put("constructor", rule(okWhen, "    insertLogical( new Struggling( 1, 2 ) );"));
        cases.put("bad threshold var", rule("    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score >= $threshold )", okThen));
        cases.put("number typo", rule("    $a : Assessment( score >= 0..8 )", okThen));
        cases.put("unclosed string", rule(okWhen, "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x ) );"));
        cases.put("missing comma", rule("    $a : Assessment( score >= 0.8 evidenceCount > 2 )", okThen));
        cases.put("bind typo", rule("    BandParameters( $t = masteredThreshold )\n    $a : Assessment( score >= $t )", okThen));
        cases.forEach((name, drl) -> {
            var problems = PolicyChecker.check(MinimalPolicy.source("1", 0.8, List.of(MinimalPolicy.MASTERY,
                    MinimalPolicy.PATH, new RuleFile("mistake.drl", drl))));
            System.out.println("### " + name);
            problems.forEach(p -> System.out.println("    " + p));
        });
    }
}
