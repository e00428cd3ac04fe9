package dev.pathwise.engine.policy.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.PolicyChecker;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mistakes curriculum leads make in rule files, each reported once, at its own line and column, in words they
 * understand, with a suggestion where one exists. Each row is a correct rule with one mistake in it.
 */
class DrlMistakesTest {

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

    private static final String OK_WHEN =
            "    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score >= $t )";
    private static final String OK_THEN =
            "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"%.2f\", "
                    + "$a.getScore() ) );";

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedOnceAtItsPlaceInWordsWithASuggestion(
            String mistake, String drl, int line, int column, String message) {
        // given a policy whose third file holds the mistake
        var files = List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH, new RuleFile("mistake.drl", drl));
        // when it is checked
        List<CompileProblem> problems = PolicyChecker.check(MinimalPolicy.source("1", 0.8, files));
        // then exactly one problem comes back, at the mistake, with the message
        assertThat(problems).containsExactly(new CompileProblem("mistake.drl", line, column, message));
    }

    static Stream<Arguments> mistakes() {
        String okWhen = OK_WHEN;
        String okThen = OK_THEN;
        return Stream.of(
                mistake(
                        "field",
                        rule("    BandParameters( $t : masteredThreshold )\n    $a : Assessment( scor >= $t )", okThen),
                        13,
                        22,
                        "rule 'Mastered at the threshold again' reads unknown field 'scor' of Assessment, so it can never fire. Maybe you meant 'score'?"),
                mistake(
                        "parameter",
                        rule(
                                "    BandParameters( $t : masteredThreshhold )\n    $a : Assessment( score >= $t )",
                                okThen),
                        12,
                        26,
                        "rule 'Mastered at the threshold again' uses unknown parameter 'masteredThreshhold', so it can never fire. Maybe you meant 'masteredThreshold'?"),
                mistake(
                        "method",
                        rule(
                                okWhen,
                                "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyID(), MasteryLevel.MASTERED, \"%.2f\", $a.getScore() ) );"),
                        15,
                        51,
                        "rule 'Mastered at the threshold again' calls getCompetencyID() on Assessment, which Assessment does not have. Maybe you meant 'getCompetencyId'?"),
                mistake(
                        "type",
                        rule("    BandParameters( $t : masteredThreshold )\n    $a : Assesment( score >= $t )", okThen),
                        13,
                        5,
                        "rule 'Mastered at the threshold again' matches unknown fact type 'Assesment'. Maybe you meant 'Assessment'? (import it from dev.pathwise.engine.facts, or BandParameters from dev.pathwise.engine.policy)"),
                mistake(
                        "global",
                        rule(
                                okWhen,
                                "    decision.level( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"),
                        15,
                        5,
                        "rule 'Mastered at the threshold again' uses 'decision', which is not defined there: bind it in the rule's conditions ($name : ...) or check its spelling. Maybe you meant 'decisions'?"),
                mistake(
                        "missing paren",
                        rule("    BandParameters( $t : masteredThreshold\n    $a : Assessment( score >= $t )", okThen),
                        12,
                        43,
                        "rule 'Mastered at the threshold again': a ')' is missing at the end of this line"),
                mistake(
                        "missing end",
                        HEAD + okWhen + "\nthen\n" + okThen + "\n",
                        16,
                        1,
                        "rule 'Mastered at the threshold again': the file ends inside the rule: add 'end' after its consequence"),
                mistake(
                        "missing then",
                        HEAD + okWhen + "\n" + okThen + "\nend\n",
                        15,
                        1,
                        "rule 'Mastered at the threshold again': 'then' is missing: write 'then' between the conditions and the consequence"),
                mistake(
                        "curly quotes",
                        HEAD.replace(
                                        "\"Mastered at the threshold again\"",
                                        "\u201cMastered at the threshold again\u201d")
                                + okWhen + "\nthen\n" + okThen + "\nend\n",
                        9,
                        1,
                        "curly quotes (“ ”) are not quotes in a rule file: use straight double quotes (\"...\")"),
                mistake(
                        "single equals",
                        rule("    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score = $t )", okThen),
                        13,
                        28,
                        "rule 'Mastered at the threshold again': '=' does not compare in a condition: write '==' to compare, or ':' to bind a value ($t : masteredThreshold)"),
                mistake(
                        "arrow operator",
                        rule(
                                "    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score => $t )",
                                okThen),
                        13,
                        28,
                        "rule 'Mastered at the threshold again': '=>' is not an operator: write '>=' (at least)"),
                mistake(
                        "enum constant",
                        rule(
                                okWhen,
                                "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERD, \"x\" ) );"),
                        15,
                        83,
                        "rule 'Mastered at the threshold again' uses MASTERD, which is not a value of MasteryLevel. Maybe you meant 'MASTERED'?"),
                mistake(
                        "unbound variable",
                        rule(
                                okWhen,
                                "    insertLogical( LevelProposal.of( kcontext, $b.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"),
                        15,
                        48,
                        "rule 'Mastered at the threshold again' uses '$b', which is not defined there: bind it in the rule's conditions ($name : ...) or check its spelling. Maybe you meant '$t'? It binds $t, $a."),
                mistake(
                        "missing semicolon",
                        rule(
                                okWhen,
                                "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) )"),
                        15,
                        100,
                        "rule 'Mastered at the threshold again': a ';' is missing at the end of this line: every statement of a consequence ends with ';'"),
                mistake(
                        "wrong argument",
                        rule(okWhen, "    decisions.level( \"mastered\" );"),
                        15,
                        15,
                        "rule 'Mastered at the threshold again' calls level with (String), but Decisions.level takes (LevelProposal)"),
                mistake(
                        "insertLogic",
                        rule(
                                okWhen,
                                "    insertLogic( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"),
                        15,
                        5,
                        "rule 'Mastered at the threshold again' calls insertLogic(LevelProposal), which a consequence does not have: it may insert, insertLogical, update or delete facts and call 'decisions'. Maybe you meant 'insertLogical'?"),
                mistake(
                        "ruleflow group",
                        HEAD.replace("\"mastery-classify\"", "\"mastery-clasify\"") + okWhen + "\nthen\n" + okThen
                                + "\nend\n",
                        10,
                        20,
                        "rule 'Mastered at the threshold again' is in ruleflow-group 'mastery-clasify', which the engine never runs, so it can never fire. Maybe you meant 'mastery-classify'?"),
                mistake(
                        "attribute",
                        HEAD.replace("ruleflow-group", "ruleflow-grop") + okWhen + "\nthen\n" + okThen + "\nend\n",
                        10,
                        5,
                        "rule 'Mastered at the threshold again': unknown attribute 'ruleflow-grop'. Maybe you meant 'ruleflow-group'?"),
                mistake(
                        "import",
                        HEAD.replace(
                                        "import dev.pathwise.engine.facts.*;",
                                        "import dev.pathwise.engine.facts.Assesment;")
                                + okWhen + "\nthen\n" + okThen + "\nend\n",
                        13,
                        5,
                        "rule 'Mastered at the threshold again' matches the fact type 'Assessment', which the file does not import: add 'import dev.pathwise.engine.facts.Assessment;' after the package line"),
                mistake(
                        "when typo",
                        HEAD.replace("\nwhen\n", "\nwen\n") + okWhen + "\nthen\n" + okThen + "\nend\n",
                        11,
                        1,
                        "rule 'Mastered at the threshold again': 'wen' is not a keyword here. Maybe you meant 'when'?"),
                mistake(
                        "unquoted name",
                        HEAD.replace("\"Mastered at the threshold again\"", "Mastered at the threshold again") + okWhen
                                + "\nthen\n" + okThen + "\nend\n",
                        9,
                        6,
                        "a rule name with spaces must be in double quotes: rule \"Mastered at the threshold again\""),
                mistake(
                        "field access in consequence",
                        rule(
                                okWhen,
                                "    insertLogical( LevelProposal.of( kcontext, $a.competencyId, MasteryLevel.MASTERED, \"x\" ) );"),
                        15,
                        51,
                        "rule 'Mastered at the threshold again' reads the field 'competencyId' of Assessment directly, which a consequence cannot: call getCompetencyId() instead"),
                mistake(
                        "constructor",
                        rule(okWhen, "    insertLogical( new Struggling( 1, 2 ) );"),
                        15,
                        24,
                        "rule 'Mastered at the threshold again' makes a new Struggling(int, int), but Struggling is made with (String competencyId)"),
                mistake(
                        "bad threshold var",
                        rule(
                                "    BandParameters( $t : masteredThreshold )\n    $a : Assessment( score >= $threshold )",
                                okThen),
                        13,
                        31,
                        "rule 'Mastered at the threshold again' uses '$threshold', which is not defined there: bind it in the rule's conditions ($name : ...) or check its spelling. Maybe you meant '$t'?"),
                mistake(
                        "number typo",
                        rule("    $a : Assessment( score >= 0..8 )", okThen),
                        12,
                        32,
                        "'0..8' is not a number"),
                mistake(
                        "unclosed string",
                        rule(
                                okWhen,
                                "    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x ) );"),
                        15,
                        93,
                        "a string is not closed: add the missing '\"' on this line"),
                mistake(
                        "missing comma",
                        rule("    $a : Assessment( score >= 0.8 evidenceCount > 2 )", okThen),
                        12,
                        35,
                        "rule 'Mastered at the threshold again': a ',' is missing before 'evidenceCount': the constraints of a pattern are separated by commas"),
                mistake(
                        "bind typo",
                        rule(
                                "    BandParameters( $t = masteredThreshold )\n    $a : Assessment( score >= $t )",
                                okThen),
                        12,
                        24,
                        "rule 'Mastered at the threshold again': '=' does not compare in a condition: write '==' to compare, or ':' to bind a value ($t : masteredThreshold)"),
                mistake(
                        "decisions method",
                        rule(
                                okWhen,
                                "    decisions.levl( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"),
                        15,
                        15,
                        "rule 'Mastered at the threshold again' calls levl(LevelProposal) on Decisions, which Decisions does not have. Maybe you meant 'level'?"),
                mistake(
                        "second statement without semicolon",
                        rule(
                                okWhen,
                                "    insertLogical( new Struggling( $a.getCompetencyId() ) )\n    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, \"x\" ) );"),
                        15,
                        60,
                        "rule 'Mastered at the threshold again': a ';' is missing at the end of this line: every statement of a consequence ends with ';'"));
    }

    private static Arguments mistake(String name, String drl, int line, int column, String message) {
        return Arguments.of(name, drl, line, column, message);
    }
}
