package dev.pathwise.api.datadir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pathwise.api.PathwiseApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A second service started on a data directory whose H2 database another process holds (as {@code ./pathwise
 * serve} twice on {@code ./data} does) stops with one sentence saying what to do, not a database stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecondServiceOnTheSameDataDirectoryTest {

    @Test
    void aSecondServiceOnALockedDataDirectoryStopsWithOneSentence(@TempDir Path data, CapturedOutput output)
            throws Exception {
        // given another process holding the data directory's database
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldsH2Database.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("open");

            // when the service starts on it
            assertThatThrownBy(() -> new SpringApplication(PathwiseApplication.class)
                            .run("--server.port=0", "--pathwise.data-dir=" + data))
                    // then it stops before anything else starts, with the sentence and what to do
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("H2 file locked: another Pathwise is running on the data directory "
                            + data.toAbsolutePath().normalize() + "; stop it, or start this one on another"
                            + " directory with --pathwise.data-dir=<folder>");
            assertThat(output.getOut() + output.getErr())
                    .contains("H2 file locked: another Pathwise is running on the data directory " + data)
                    .contains("run ./pathwise serve --pathwise.data-dir=<another folder>")
                    .doesNotContain("at org.h2.")
                    .doesNotContain("HikariPool")
                    .doesNotContain("Exception during pool initialization");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}
