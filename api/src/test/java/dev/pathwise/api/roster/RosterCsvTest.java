package dev.pathwise.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    private static final List<String> COLUMNS = List.of("sourcedId", "givenName", "familyName", "grades");

    private static List<RosterCsv.Row> read(String text, RosterProblems problems) {
        return RosterCsv.read(
                "users.csv", text.getBytes(StandardCharsets.UTF_8), List.of("sourcedId"), COLUMNS, problems);
    }

    @Test
    void quotedCommasQuotesAndLineBreaksStayInTheirValueAndEachRowKnowsTheLineItStartsOn() {
        RosterProblems problems = new RosterProblems();

        List<RosterCsv.Row> rows = read(
                "\uFEFFsourcedId,givenName,familyName,grades\r\n"
                        + "s-1,Søren,\"Kierkegaard, Jr.\",06\r\n"
                        + "\r\n"
                        + "s-2,\"Ana \"\"Nana\"\"\",\"Line\nBreak\",\"06,07\"\r\n"
                        + "s-3,李,小龙,07\r\n",
                problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(rows).extracting(RosterCsv.Row::line).containsExactly(2, 4, 6);
        assertThat(rows.get(0).get("familyName")).isEqualTo("Kierkegaard, Jr.");
        assertThat(rows.get(1).get("givenName")).isEqualTo("Ana \"Nana\"");
        assertThat(rows.get(1).list("grades")).containsExactly("06", "07");
        assertThat(rows.get(2).get("givenName")).isEqualTo("李");
        assertThat(rows.get(2).column("grades")).isEqualTo(4);
    }

    @Test
    void aRowWithAnUnquotedCommaIsRefusedByItsLineAndTheOthersAreRead() {
        RosterProblems problems = new RosterProblems();

        List<RosterCsv.Row> rows =
                read("sourcedId,givenName,familyName,grades\ns-1,Bo,Baker, Jr.,03\ns-2,Cy,Cole,03\n", problems);

        assertThat(rows).extracting(r -> r.get("sourcedId")).containsExactly("s-2");
        assertThat(problems.errors())
                .extracting(RosterProblems.Problem::where, RosterProblems.Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "users.csv:2",
                        "5 values where the header has 4"
                                + " columns; quote a value that holds a comma (\"Smith, Jr.\")"));
    }

    @Test
    void aHeaderInAnotherCaseIsReadWithAWarningAndAMissingRequiredColumnRefusesTheFile() {
        RosterProblems lenient = new RosterProblems();
        List<RosterCsv.Row> rows = read("SourcedId,givenName,familyName,grades,metadata.x\ns-1,A,B,05,y\n", lenient);
        assertThat(rows).hasSize(1);
        assertThat(lenient.warnings())
                .extracting(RosterProblems.Problem::message)
                .containsExactly(
                        "header 'SourcedId' read as 'sourcedId' (OneRoster headers are case-sensitive)",
                        "columns [metadata.x] are not read by Pathwise (kept in the SIS only)");

        RosterProblems strict = new RosterProblems();
        assertThat(read("givenName,familyName\nA,B\n", strict)).isEmpty();
        assertThat(strict.errors().get(0).message()).startsWith("required column [sourcedId] missing from the header");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsAWhole() {
        RosterProblems problems = new RosterProblems();

        List<RosterCsv.Row> rows = RosterCsv.read(
                "users.csv",
                "sourcedId\ns-1,M\u00fcller".getBytes(StandardCharsets.ISO_8859_1),
                List.of("sourcedId"),
                COLUMNS,
                problems);

        assertThat(rows).isEmpty();
        assertThat(problems.errors().get(0).message()).startsWith("the file is not UTF-8 text");
    }
}
