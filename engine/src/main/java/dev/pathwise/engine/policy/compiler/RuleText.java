package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.RuleFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * A rule file as Drools compiles it: the DRL itself, or the DRL generated from a decision table. Problems found in
 * the DRL are placed back in the file the author wrote: the DRL line, or the table row that generated it.
 */
final class RuleText {

    private static final Pattern BOUND = Pattern.compile("(\\$\\w+)\\s*:");

    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at [A-Z]+(\\d+)");
    private static final Pattern ROW_IN_MESSAGE = Pattern.compile("(?i)\\brow (\\d+)|\\b[A-Z]{1,2}(\\d+)\\b");

    private final RuleFile file;
    private final String drl;
    private final String[] drlLines;
    private final String code;
    private final List<CompileProblem> problems;
    private final PackageDescr parsed;

    private RuleText(RuleFile file, String drl, List<CompileProblem> problems) {
        this.file = file;
        this.drl = drl;
        this.drlLines = drl.split("\n", -1);
        this.code = DrlCode.blank(drl);
        List<CompileProblem> all = new ArrayList<>(problems);
        this.parsed = drl.isEmpty() ? null : parse(all);
        this.problems = List.copyOf(all);
    }

    /** Parses the DRL; each syntax error becomes a problem at its line and column, and the file is not parsed. */
    private PackageDescr parse(List<CompileProblem> found) {
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (DroolsParserException | RuntimeException e) {
            found.add(at(0, 0, "the file cannot be read as DRL: " + e.getMessage()));
            return null;
        }
        if (!parser.hasErrors()) {
            return descr;
        }
        DroolsError error = parser.getErrors().get(0);
        int line = error instanceof ParserError parserError
                ? parserError.getRow()
                : error.getLines().length > 0 ? error.getLines()[0] : 0;
        int column = error instanceof ParserError parserError ? parserError.getCol() + 1 : 0;
        found.add(SyntaxErrors.explain(this, Math.max(line, 0), Math.max(column, 0), error.getMessage()));
        return null;
    }

    /** Reads a rule file; a decision table is compiled to DRL here, and a table that cannot be read is a problem. */
    static RuleText of(RuleFile file) {
        if (!file.isDecisionTable()) {
            return new RuleText(file, file.content(), List.of());
        }
        try {
            String generated = new SpreadsheetCompiler()
                    .compile(new ByteArrayInputStream(file.content().getBytes(StandardCharsets.UTF_8)), InputType.CSV);
            return new RuleText(file, generated, List.of());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().strip();
            Matcher row = ROW_IN_MESSAGE.matcher(message);
            int line = row.find() ? Integer.parseInt(row.group(1) != null ? row.group(1) : row.group(2)) : 0;
            return new RuleText(
                    file,
                    "",
                    List.of(
                            new CompileProblem(
                                    file.path(),
                                    line,
                                    0,
                                    "decision table cannot be read: " + message.replaceAll("\\s+", " ")
                                            + "; a table needs a 'RuleSet' row, an 'Import' row, a 'RuleTable <name>' row, then rows of "
                                            + "CONDITION/ACTION headers, object types, snippets, column titles and the rules")));
        }
    }

    RuleFile file() {
        return file;
    }

    String path() {
        return file.path();
    }

    /** The DRL Drools compiles. */
    String drl() {
        return drl;
    }

    /** The DRL with comments and the insides of string literals blanked, offsets and lines kept. */
    String code() {
        return code;
    }

    /** Problems reading the file itself: a decision table that is not a table, DRL syntax errors. */
    List<CompileProblem> problems() {
        return problems;
    }

    /** The parsed file, or null when it could not be parsed (see {@link #problems()}). */
    PackageDescr parsed() {
        return parsed;
    }

    /** Where the DRL goes in the KieFileSystem, under src/main/resources. */
    String drlPath() {
        return file.isDecisionTable() ? file.path() + ".drl" : file.path();
    }

    /**
     * A problem at a line and column of the DRL, placed in the author's file: for a decision table, at the row whose
     * rule the line belongs to (a CSV row is a line of the file); for DRL, at the line and column.
     */
    CompileProblem at(int drlLine, int column, String message) {
        if (!file.isDecisionTable()) {
            return new CompileProblem(file.path(), drlLine, column, message);
        }
        return new CompileProblem(
                file.path(),
                rowOf(drlLine),
                0,
                message.replaceAll("\\[ERR \\d+] Line \\d+:\\d+ ", "").replace("Rule Compilation error ", ""));
    }

    /** The table row a generated DRL line belongs to, or 0 when it is in the table's header part. */
    int rowOf(int drlLine) {
        for (int i = Math.min(drlLine, drlLines.length) - 1; i >= 0; i--) {
            Matcher matcher = ROW_COMMENT.matcher(drlLines[i].strip());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return 0;
    }

    /** The 1-based line of an offset into the DRL. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < drl.length(); i++) {
            if (drl.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of an offset into the DRL. */
    int columnOf(int offset) {
        int start = drl.lastIndexOf('\n', Math.max(offset - 1, 0));
        return offset - start;
    }

    /** The offset of the start of a 1-based line of the DRL. */
    int offsetOfLine(int line) {
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) {
            offset = drl.indexOf('\n', offset);
            offset = offset < 0 ? -1 : offset + 1;
        }
        return Math.max(offset, 0);
    }

    /** The variables ({@code $name : ...}) the conditions of the rule around an offset bind, in order. */
    Set<String> boundAt(int offset) {
        int ruleStart = Math.max(code.lastIndexOf("\nrule ", Math.max(offset, 0)), 0);
        int ruleEnd = code.indexOf("\nend", Math.max(offset, 0));
        Matcher bound = BOUND.matcher(code.substring(ruleStart, ruleEnd < 0 ? code.length() : ruleEnd));
        Set<String> names = new LinkedHashSet<>();
        while (bound.find()) {
            names.add(bound.group(1));
        }
        return names;
    }
}
