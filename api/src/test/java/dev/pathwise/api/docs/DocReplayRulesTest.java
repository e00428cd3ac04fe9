package dev.pathwise.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link DocReplay} reads a document: what it runs, what it compares, what it rewrites. No service needed. */
class DocReplayRulesTest {

    @TempDir
    Path work;

    private DocReplay replay(String markdown) throws IOException {
        Path document = Files.writeString(work.resolve("doc.md"), markdown);
        return new DocReplay(document, work, "http://localhost:1234", Map.of()).run();
    }

    @Test
    void aBashBlockIsComparedWithThePlainBlockAfterItAndRewritten() throws IOException {
        DocReplay replay = replay("""
                # Title

                ```bash
                echo hello; echo world
                ```

                It prints:

                ```
                hello
                there
                ```
                """);

        assertThat(replay.differences()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.printed()).isEqualTo("hello\nthere");
            assertThat(d.real()).isEqualTo("hello\nworld");
        });
        assertThat(replay.rewritten()).contains("```\nhello\nworld\n```");
    }

    @Test
    void aSessionRunsEachCommandAndEchoDollarQuestionPrintsTheLastExitCode() throws IOException {
        DocReplay replay = replay("""
                ```
                $ echo one
                one
                $ sh -c 'exit 3'
                $ echo $?
                3
                ```
                """);

        assertThat(replay.differences()).isEmpty();
    }

    @Test
    void directivesWriteFilesAndRunStepsAndIdsAndTrailingSpacesAreSetAside() throws IOException {
        DocReplay replay = replay("""
                <!-- replay: write folder/a.txt -->
                ```yaml
                key: value
                ```
                <!-- replay: run sed -i 's/value/other/' folder/a.txt -->

                ```
                $ cat folder/a.txt
                key: other  \s
                $ echo id 123e4567-e89b-12d3-a456-426614174000
                id 00000000-0000-0000-0000-000000000000
                ```
                """);

        assertThat(replay.differences()).isEmpty();
        assertThat(Files.readString(work.resolve("folder/a.txt"))).isEqualTo("key: other\n");
        assertThat(replay.rewritten()).contains("id 00000000-0000-0000-0000-000000000000");
    }

    @Test
    void theServiceAddressOfTheDocsIsTheTestServiceAndLongJsonIsCut() throws IOException {
        DocReplay replay = replay("""
                ```bash
                echo http://localhost:8080/v1; printf '{"a":"%01600d"}' 0
                ```

                ```
                http://localhost:8080/v1
                ```
                """);

        String json = "{\"a\":\"" + "0".repeat(1600) + "\"}";
        assertThat(replay.differences())
                .singleElement()
                .satisfies(d -> assertThat(d.real())
                        .isEqualTo("http://localhost:8080/v1\n" + json.substring(0, DocReplay.CUT) + "\n... (cut: "
                                + json.length() + " characters in all)"));
    }
}
