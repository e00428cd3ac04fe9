package dev.pathwise.engine.scenario;

import java.util.List;

/** Scenario results as a plain-text table: {@code PASS/FAIL | scenario | first difference}, then a count. */
public final class ScenarioTable {

    private ScenarioTable() {}

    public static String format(List<ScenarioResult> results) {
        int width = "scenario".length();
        for (ScenarioResult result : results) {
            width = Math.max(width, result.file().length());
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-6s| %-" + width + "s | %s%n", "result", "scenario", "first difference"));
        table.append("-".repeat(6))
                .append('+')
                .append("-".repeat(width + 2))
                .append('+')
                .append("-".repeat(18))
                .append(System.lineSeparator());
        long passed = 0;
        for (ScenarioResult result : results) {
            passed += result.passed() ? 1 : 0;
            table.append(String.format(
                    "%-6s| %-" + width + "s | %s%n",
                    result.passed() ? "PASS" : "FAIL",
                    result.file(),
                    result.difference()));
        }
        table.append(String.format("%d passed, %d failed%n", passed, results.size() - passed));
        return table.toString();
    }
}
