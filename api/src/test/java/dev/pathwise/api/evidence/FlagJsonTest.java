package dev.pathwise.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.facts.Flag;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.facts.Support;
import org.junit.jupiter.api.Test;

class FlagJsonTest {

    @Test
    void aFlagsAmountIsAnsweredRoundedToTwoDecimalsAsItsExplanationShowsIt() {
        Flag behind = new Flag(
                FlagKind.BEHIND_PACE,
                null,
                null,
                2.154145171957672,
                Support.SMALL_GROUP,
                Explanation.byRule("Behind pace", "%.1f behind", 2.154145171957672));

        PathUpdateJson.FlagJson json = PathUpdateJson.FlagJson.of(behind);

        assertThat(json.amount()).isEqualTo(2.15);
        assertThat(json.why().text()).isEqualTo("2.2 behind");
        assertThat(json.support()).isEqualTo("SMALL_GROUP");
    }
}
