package dev.pathwise.api.interop.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the {@link StatementTable}: valid statements pass, each invalid one fails on its rule and path. */
class StatementValidatorTest {

    static Stream<StatementTable.Case> cases() {
        return StatementTable.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theValidatorAnswersAsTheSpecificationSays(StatementTable.Case row) {
        List<StatementChecks.Violation> violations = StatementValidator.validate(row.statement());

        if (row.valid()) {
            assertThat(violations).as("%s", row.statement()).isEmpty();
        } else {
            assertThat(violations).as("%s", row.statement()).anySatisfy(v -> {
                assertThat(v.path()).isEqualTo(row.path());
                assertThat(v.rule()).isEqualTo(row.rule());
                assertThat(v.message()).startsWith(row.path() + ": ");
            });
        }
    }

    @Test
    void theTableHoldsAtLeast150StatementsAcrossEveryFamily() {
        List<StatementTable.Case> all = StatementTable.cases();
        Map<String, String> byFamily = all.stream()
                .collect(Collectors.groupingBy(
                        StatementTable.Case::family,
                        TreeMap::new,
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                list -> list.stream()
                                                .filter(StatementTable.Case::valid)
                                                .count() + " valid, "
                                        + list.stream().filter(c -> !c.valid()).count() + " invalid")));

        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        assertThat(byFamily)
                .containsOnlyKeys(
                        "statement",
                        "nulls-and-types",
                        "uuid",
                        "actor",
                        "group",
                        "verb",
                        "object-activity",
                        "interaction",
                        "object-agent-group",
                        "statement-ref",
                        "sub-statement",
                        "result",
                        "context",
                        "timestamp",
                        "attachments",
                        "authority");
        System.out.println("xAPI statement table: " + all.size() + " statements, " + byFamily);
    }
}
