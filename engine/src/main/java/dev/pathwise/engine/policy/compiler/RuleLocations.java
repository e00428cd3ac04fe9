package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.sandbox.RuleCodeViolation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Where each rule of a set of rule files is, to place a problem found in the compiled code back at the line and
 * column of the rule file that caused it: the rule's text is searched for the member the problem names.
 */
final class RuleLocations {

    private record Located(RuleText file, RuleDescr rule) {}

    private final Map<String, Located> rules = new HashMap<>();
    private final List<RuleText> files;

    private RuleLocations(List<RuleText> files) {
        this.files = files;
    }

    static RuleLocations of(List<RuleText> files) {
        RuleLocations locations = new RuleLocations(files);
        for (RuleText file : files) {
            if (file.parsed() != null) {
                for (RuleDescr rule : file.parsed().getRules()) {
                    locations.rules.putIfAbsent(rule.getName(), new Located(file, rule));
                }
            }
        }
        return locations;
    }

    /** The violation as a problem at the place of the rule file it comes from, as close as it can be found. */
    CompileProblem place(RuleCodeViolation violation) {
        Located located = violation.rule() == null ? null : rules.get(violation.rule());
        if (located == null) {
            for (RuleText file : files) {
                int at = find(file.code(), violation.token(), 0, file.code().length());
                if (at >= 0) {
                    return file.at(file.lineOf(at), file.columnOf(at), violation.message());
                }
            }
            return new CompileProblem(files.get(0).path(), 0, 0, violation.message());
        }
        RuleText file = located.file();
        String message = "rule '" + violation.rule() + "' " + violation.message();
        int start = Math.max(located.rule().getStartCharacter(), 0);
        int end = located.rule().getEndCharacter() > start
                ? Math.min(located.rule().getEndCharacter() + 1, file.code().length())
                : file.code().length();
        int at = find(file.code(), violation.token(), start, end);
        if (at < 0) {
            return file.at(located.rule().getLine(), 0, message);
        }
        return file.at(file.lineOf(at), file.columnOf(at), message);
    }

    /**
     * The offset of the token in code[start, end): a member after a dot first ({@code System.exit}), then anywhere
     * as a word; tokens may list alternatives separated by '|'. -1 when not found or no token.
     */
    private static int find(String code, String token, int start, int end) {
        if (token == null || token.isEmpty()) {
            return -1;
        }
        String region = code.substring(start, end);
        String words = "(?:"
                + String.join(
                        "|",
                        Arrays.stream(token.split("\\|")).map(Pattern::quote).toList()) + ")";
        for (String pattern : List.of("\\.\\s*(" + words + ")\\b", "\\b(" + words + ")\\b", "(" + words + ")")) {
            Matcher matcher = Pattern.compile(pattern).matcher(region);
            if (matcher.find()) {
                return start + matcher.start(1);
            }
        }
        return -1;
    }
}
