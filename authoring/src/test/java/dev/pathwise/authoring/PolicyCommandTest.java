package dev.pathwise.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and outputs on the default pack and on a copy with mistakes. */
class PolicyCommandTest {

    private static final Path PACK = Path.of("../rules/src/main/resources/dev/pathwise/rules");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PolicyCommand command = new PolicyCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path copyOfPack(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(PACK)) {
            for (Path file : files.toList()) {
                Path target = folder.resolve(PACK.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return folder;
    }

    @Test
    void checkAndTestTheDefaultPackExitZero() {
        assertThat(command.run("check", PACK.toString())).isEqualTo(PolicyCommand.OK);
        assertThat(out())
                .isEqualTo("policy 'rules': every layer combination compiles (4 grade bands x 1 scope "
                        + "(district)); no problems\n");
        assertThat(command.run("test", PACK.toString())).isEqualTo(PolicyCommand.OK);
        assertThat(out()).contains("4 passed, 0 failed");
    }

    @Test
    void checkWithProblemsExitsOneAndReportsThemAsJson(@TempDir Path folder) throws IOException {
        // given a copy of the pack with a school overlay whose 3-5 threshold is above the scale
        Path policy = copyOfPack(folder);
        Files.createDirectories(policy.resolve("schools/lincoln"));
        Files.writeString(
                policy.resolve("schools/lincoln/parameters.yaml"), "bands:\n  3-5:\n    masteredThreshold: 1.2\n");
        // when it is checked with --json
        int exit = command.run("check", policy.toString(), "--json");
        // then it exits 1 with the problem as JSON
        assertThat(exit).isEqualTo(PolicyCommand.PROBLEMS);
        assertThat(out())
                .isEqualTo("{\"policy\":\"" + folder.getFileName() + "\",\"ok\":false,\"problems\":[\n"
                        + "  {\"file\":\"schools/lincoln/parameters.yaml\",\"line\":3,\"column\":24,\"message\":"
                        + "\"'masteredThreshold' is 1.2, outside its range 0..1 (score at which a competency is mastered)\"}\n"
                        + "]}\n");
    }

    @Test
    void aFailingScenarioExitsOne(@TempDir Path folder) throws IOException {
        // given a copy of the pack with a scenario expecting mastery at 0.76 under the 0.80 threshold
        Path policy = copyOfPack(folder);
        Files.writeString(policy.resolve("scenarios/lincoln-075.yaml"), """
                scenario: Mastered at 0.75
                learner: { grade: 4, school: lincoln }
                when:
                  - { competency: RP.1, score: 0.76, kind: formative }
                  - { competency: RP.1, score: 0.76, kind: formative }
                  - { competency: RP.1, score: 0.76, kind: formative }
                then:
                  levels: { RP.1: mastered }
                """);
        // when the scenarios run
        int exit = command.run("test", policy.toString());
        // then the table shows the failure and the command exits 1
        assertThat(exit).isEqualTo(PolicyCommand.PROBLEMS);
        assertThat(out())
                .contains("FAIL  | lincoln-075.yaml")
                .contains("level of RP.1: expected mastered, got " + "approaching")
                .contains("4 passed, 1 failed");
    }

    @Test
    void aWrongCommandLineExitsTwo() {
        assertThat(command.run()).isEqualTo(PolicyCommand.USAGE);
        assertThat(command.run("chek", PACK.toString())).isEqualTo(PolicyCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'chek'. Maybe you meant 'check'?");
        assertThat(command.run("simulate", PACK.toString())).isEqualTo(PolicyCommand.USAGE);
        assertThat(command.run("check", "no-such-folder")).isEqualTo(PolicyCommand.USAGE);
    }
}
