package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.sandbox.RuleFileStructure;
import dev.pathwise.engine.spelling.Suggestions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL syntax errors said the way a curriculum lead fixes them. The parser reports the token it stumbled on
 * ({@code [ERR 102] Line 13:4 mismatched input '$a' in rule "..."}), often a line after the mistake; this looks at
 * the text around it to name the mistake itself (a missing parenthesis, {@code then} or {@code end}, an operator that
 * is not one, curly quotes, a misspelt keyword or attribute) at its own line. Only the first syntax error of a file is
 * reported: what the parser finds after it is mostly the same mistake seen again.
 */
final class SyntaxErrors {

    private static final Pattern PARSER =
            Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ (.*?)(?: in rule \"([^\"]*)\")?" + "(?: in pattern.*)?\\.?$");
    private static final Pattern TOKEN = Pattern.compile(
            "(?:mismatched input|no viable alternative at input|extraneous " + "input|missing \\S+ at) '([^']*)'");
    private static final List<String> KEYWORDS = List.of("rule", "when", "then", "end", "package", "import", "global");

    private static final Pattern CONSEQUENCE = Pattern.compile(
            "^Unable to parse consequence caused by: \\(line (\\d+),"
                    + "col (\\d+)\\) Parse error\\. Found \"([^\"]*)\"(?: <\\w+>)?, expected one of (.*?)(?: Problem stacktrace.*)?$");
    private static final Pattern UNREADABLE_CONDITION = Pattern.compile("^Unable to Analyse Expression (.+?):?$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");

    private final RuleText text;
    private final String[] lines;

    private SyntaxErrors(RuleText text) {
        this.text = text;
        this.lines = text.drl().split("\n", -1);
    }

    /**
     * The first syntax error of a file as one problem, at the place of the mistake.
     *
     * @param line   the parser's 1-based line
     * @param column the parser's 1-based column
     */
    static CompileProblem explain(RuleText text, int line, int column, String message) {
        return new SyntaxErrors(text).explain(line, column, message.strip().replaceAll("\\s+", " "));
    }

    /**
     * A consequence the Java parser could not read, or a condition the compiler could not analyse, at its own line
     * and said as the mistake; null for any other message.
     *
     * @param ruleLine the line Drools reports, that of the rule
     */
    static CompileProblem explainRule(RuleText text, int ruleLine, String message) {
        SyntaxErrors errors = new SyntaxErrors(text);
        Matcher consequence = CONSEQUENCE.matcher(message);
        if (consequence.matches() && ruleLine > 0) {
            return errors.consequence(
                    ruleLine,
                    Integer.parseInt(consequence.group(1)),
                    Integer.parseInt(consequence.group(2)),
                    consequence.group(3),
                    consequence.group(4));
        }
        Matcher condition = UNREADABLE_CONDITION.matcher(message);
        if (condition.matches()) {
            return errors.condition(condition.group(1).strip());
        }
        return null;
    }

    private CompileProblem consequence(int ruleLine, int line, int column, String found, String expected) {
        String rule = "rule '" + FactModel.ruleAt(text.drl(), text.offsetOfLine(ruleLine)) + "': ";
        int then = ruleLine;
        while (then <= lines.length && !DrlCode.blank(lines[then - 1]).strip().matches("then\\b.*")) {
            then++;
        }
        int end = then;
        while (end <= lines.length && !DrlCode.blank(lines[end - 1]).strip().matches("end\\b.*")) {
            end++;
        }
        int at = Math.min(then + line - 1, end - 1);
        String here = at >= 1 && at <= lines.length ? lines[at - 1] : "";
        boolean startsTheLine = at == end - 1 && line > end - then
                || here.isBlank()
                || column - 1 <= here.length() - here.stripLeading().length();
        if (expected.contains("\";\"")) {
            int missing = startsTheLine ? at - 1 : at;
            while (missing > then && lines[missing - 1].isBlank()) {
                missing--;
            }
            if (at == end - 1 && line > end - then) {
                missing = at; // past the last line: the last statement is the one without ';'
                while (missing > then && lines[missing - 1].isBlank()) {
                    missing--;
                }
            }
            if (missing > then) {
                return at(
                        missing,
                        lines[missing - 1].stripTrailing().length() + 1,
                        rule + "a ';' is missing at "
                                + "the end of this line: every statement of a consequence ends with ';'");
            }
        }
        return at(
                Math.max(at, then + 1),
                Math.max(column, 1),
                rule + "the consequence cannot be read here: '" + found + "' was not expected");
    }

    private CompileProblem condition(String expression) {
        Pattern written = Pattern.compile(String.join(
                "\\s*",
                Pattern.compile("[\\w$.]+|\\S")
                        .matcher(expression)
                        .results()
                        .map(token -> Pattern.quote(token.group()))
                        .toList()));
        Matcher found = written.matcher(text.drl());
        if (!found.find()) {
            return null;
        }
        int offset = found.start();
        String rule = "rule '" + FactModel.ruleAt(text.drl(), offset) + "' ";
        java.util.Set<String> bound = text.boundAt(offset);
        Matcher variable = VARIABLE.matcher(found.group());
        while (variable.find()) {
            if (!bound.contains(variable.group())) {
                int at = offset + variable.start();
                return at(
                        text.lineOf(at),
                        text.columnOf(at),
                        rule + "uses '" + variable.group() + "', which is not "
                                + "defined there: bind it in the rule's conditions ($name : ...) or check its spelling."
                                + Suggestions.nameHint(variable.group(), bound));
            }
        }
        return at(
                text.lineOf(offset),
                text.columnOf(offset),
                rule + "cannot compare '" + expression + "': check "
                        + "that the field and the value are of the same kind (a number with a number, text with text)");
    }

    private CompileProblem explain(int line, int column, String message) {
        Matcher parser = PARSER.matcher(message);
        String rule = parser.matches() && parser.group(2) != null ? "rule '" + parser.group(2) + "': " : "";
        Matcher token = TOKEN.matcher(message);
        String found = token.find() ? token.group(1) : "";
        String here = line >= 1 && line <= lines.length ? lines[line - 1] : "";

        int quoted = firstLineWith("[\u201c\u201d\u2018\u2019]");
        if (quoted > 0) {
            return at(
                    quoted,
                    lines[quoted - 1]
                                    .replaceAll("[^\u201c\u201d\u2018\u2019].*?$", "")
                                    .length()
                            + 1,
                    "curly quotes (\u201c \u201d) are not quotes in a rule file: use straight double quotes (\"...\")");
        }
        int unclosed = firstUnclosedString();
        if (unclosed > 0) {
            return at(
                    unclosed,
                    lines[unclosed - 1].lastIndexOf('"') + 1,
                    "a string is not closed: add the missing " + "'\"' on this line");
        }
        Matcher unquotedRule = Pattern.compile("^\\s*rule\\s+([^\"'\\s][^\\n]*\\s[^\\n]*?)\\s*$")
                .matcher(line > 0 ? previousRuleLine(line) : "");
        if (unquotedRule.find() && !unquotedRule.group(1).startsWith("\"")) {
            int ruleLine = previousRuleLineNumber(line);
            return at(
                    ruleLine,
                    lines[ruleLine - 1].indexOf(unquotedRule.group(1)) + 1,
                    "a rule name with spaces " + "must be in double quotes: rule \"" + unquotedRule.group(1) + "\"");
        }
        if (found.equals("<eof>") || found.equals("<EOF>")) {
            return at(lines.length, 1, rule + "the file ends inside the rule: add 'end' after its consequence");
        }
        if (found.equals("end") && !ruleHasThen(line)) {
            return at(
                    line,
                    column,
                    rule + "'then' is missing: write 'then' between the conditions and the " + "consequence");
        }
        if (found.equals("=") || found.startsWith("=")) {
            String rest = column >= 1 && column - 1 < here.length() ? here.substring(column - 1) : "";
            if (rest.startsWith("=>")) {
                return at(line, column, rule + "'=>' is not an operator: write '>=' (at least)");
            }
            if (rest.startsWith("=<")) {
                return at(line, column, rule + "'=<' is not an operator: write '<=' (at most)");
            }
            return at(
                    line,
                    column,
                    rule + "'=' does not compare in a condition: write '==' to compare, or ':' to "
                            + "bind a value ($t : masteredThreshold)");
        }
        int open = unbalancedLineBefore(line);
        if (open > 0) {
            return at(
                    open,
                    lines[open - 1].stripTrailing().length() + 1,
                    rule + "a ')' is missing at the end of this " + "line");
        }
        String word = wordAt(here, column);
        if (here.strip().equals(word) || here.strip().startsWith(word + " ")) {
            String keyword = word.contains("-")
                    ? null
                    : Suggestions.closestName(word, KEYWORDS).orElse(null);
            if (keyword != null && !keyword.equals(word)) {
                return at(
                        line,
                        column,
                        rule + "'" + word + "' is not a keyword here. Maybe you meant '" + keyword + "'?");
            }
            String attribute =
                    Suggestions.closestName(word, RuleFileStructure.ATTRIBUTES).orElse(null);
            if (attribute != null && !attribute.equals(word)) {
                return at(
                        line, column, rule + "unknown attribute '" + word + "'. Maybe you meant '" + attribute + "'?");
            }
        }
        if (found.matches("[A-Za-z_$][\\w$]*")
                && column >= 2
                && column - 2 < here.length()
                && Character.isDigit(here.charAt(column - 2))) {
            String number = numberAround(here, column - 1);
            int start = here.lastIndexOf(number, column - 2);
            return at(line, start + 1, rule + "'" + number + found + "' is not a number");
        }
        if (found.matches("\\.\\d+.*")) {
            return at(line, column - 1, rule + "'" + numberAround(here, column) + "' is not a number");
        }
        if (found.matches("[A-Za-z_$][\\w$]*") && insidePattern(here, column)) {
            return at(
                    line,
                    column,
                    rule + "a ',' is missing before '" + found + "': the constraints of a pattern "
                            + "are separated by commas");
        }
        return at(line, column, rule + (found.isEmpty() ? message : "unexpected '" + found + "' here"));
    }

    private CompileProblem at(int line, int column, String message) {
        return text.at(line, Math.max(column, 1), message);
    }

    private int firstLineWith(String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().startsWith("//") && pattern.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private int firstUnclosedString() {
        for (int i = 0; i < lines.length; i++) {
            String code = lines[i].replaceAll("\\\\.", "");
            int comment = code.indexOf("//");
            if (comment >= 0
                    && code.substring(0, comment).chars().filter(c -> c == '"').count() % 2 == 0) {
                code = code.substring(0, comment);
            }
            if (code.chars().filter(c -> c == '"').count() % 2 == 1) {
                return i + 1;
            }
        }
        return 0;
    }

    private String previousRuleLine(int line) {
        int number = previousRuleLineNumber(line);
        return number > 0 ? lines[number - 1] : "";
    }

    private int previousRuleLineNumber(int line) {
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            if (lines[i].strip().startsWith("rule ") || lines[i].strip().equals("rule")) {
                return i + 1;
            }
        }
        return 0;
    }

    private boolean ruleHasThen(int line) {
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String code = lines[i].strip();
            if (code.equals("then") || code.startsWith("then ")) {
                return true;
            }
            if (code.startsWith("rule ")) {
                return false;
            }
        }
        return false;
    }

    /** The line before this one that opens more parentheses than it closes, within the rule's conditions. */
    private int unbalancedLineBefore(int line) {
        int depth = 0;
        for (int i = previousWhen(line); i > 0 && i < line; i++) {
            String code = DrlCode.blank(lines[i - 1]);
            int open = (int) code.chars().filter(c -> c == '(').count();
            int close = (int) code.chars().filter(c -> c == ')').count();
            depth += open - close;
            if (depth > 0 && i == line - 1) {
                return i;
            }
        }
        return 0;
    }

    private int previousWhen(int line) {
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            if (lines[i].strip().equals("when")) {
                return i + 2;
            }
            if (lines[i].strip().startsWith("rule ")) {
                return 0;
            }
        }
        return 0;
    }

    private static String wordAt(String line, int column) {
        int start = Math.max(Math.min(column - 1, line.length()), 0);
        int end = start;
        while (end < line.length()
                && (Character.isLetterOrDigit(line.charAt(end))
                        || line.charAt(end) == '-'
                        || line.charAt(end) == '_')) {
            end++;
        }
        return line.substring(start, end);
    }

    private static String numberAround(String line, int column) {
        int start = Math.max(Math.min(column - 1, line.length()), 0);
        while (start > 0 && (Character.isDigit(line.charAt(start - 1)) || line.charAt(start - 1) == '.')) {
            start--;
        }
        int end = start;
        while (end < line.length() && (Character.isDigit(line.charAt(end)) || line.charAt(end) == '.')) {
            end++;
        }
        return line.substring(start, end);
    }

    private static boolean insidePattern(String line, int column) {
        String before = line.substring(0, Math.max(Math.min(column - 1, line.length()), 0));
        return before.chars().filter(c -> c == '(').count()
                > before.chars().filter(c -> c == ')').count();
    }
}
