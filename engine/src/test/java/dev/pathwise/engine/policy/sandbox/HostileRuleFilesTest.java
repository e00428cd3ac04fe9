package dev.pathwise.engine.policy.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pathwise.engine.policy.PolicyCompilationException;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.testing.HostileRuleFiles;
import dev.pathwise.engine.testing.HostileRuleFiles.Attack;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile rule file is refused when the policy is compiled, at the line that attacks, with the member or
 * construct named; nothing of it runs (the file it would create is not there).
 */
class HostileRuleFilesTest {

    @TempDir
    static Path folder;

    static List<Attack> attacks() {
        return HostileRuleFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void hostileFileIsRefusedAtItsLineWithTheMemberNamed(Attack attack) {
        // given: the minimal policy and one hostile file
        Path created = folder.resolve(attack.fileName() + ".created");
        RuleFile hostile = new RuleFile(attack.fileName(), attack.text(created, 9));

        // when
        PolicyCompilationException refused = catchThrowableOfType(
                PolicyCompilationException.class,
                () -> new PolicyRuntime(1, 1).compile(MinimalPolicy.source("1", 0.8, List.of(hostile))));

        // then
        assertThat(refused).as(attack.fileName() + " is refused").isNotNull();
        assertThat(refused.problems())
                .as(refused.problems().toString())
                .anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo(attack.fileName());
                    assertThat(problem.line()).isEqualTo(attack.line());
                    assertThat(problem.message())
                            .containsAnyOf(
                                    attack.expected(),
                                    attack.needsServiceClasspath() ? "which does not exist" : attack.expected());
                })
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo(attack.fileName()));
        assertThat(Files.exists(created)).isFalse();
    }
}
