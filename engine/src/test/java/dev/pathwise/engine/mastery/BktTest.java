package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bayesian Knowledge Tracing unrolled by hand. Defaults: prior 0.25, learn T 0.15, slip S 0.10, guess G 0.20,
 * forget F 0, cut 0.8. Per answer: correct post = L(1−S) / (L(1−S) + (1−L)G), incorrect post = LS / (LS +
 * (1−L)(1−G)); then L = post(1−F) + (1−post)T.
 */
class BktTest implements RejectsInvalidScores {

    private final MasteryMethod bkt = MasteryMethods.create("bkt", Map.of());

    @Override
    public MasteryMethod method() {
        return bkt;
    }

    @Test
    void one_correct_answer_raises_the_prior_then_learning_adds_to_it() {
        // post = 0.25·0.9 / (0.25·0.9 + 0.75·0.2) = 0.225 / 0.375 = 0.6; L = 0.6 + 0.4·0.15 = 0.66
        MethodResult result = bkt.apply(new double[] {0.9});

        assertThat(result.value()).isCloseTo(0.66, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("bkt");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void one_incorrect_answer_lowers_the_prior_then_learning_adds_to_it() {
        // post = 0.25·0.1 / (0.25·0.1 + 0.75·0.8) = 0.025 / 0.625 = 0.04; L = 0.04 + 0.96·0.15 = 0.184
        assertThat(bkt.apply(new double[] {0.0}).value()).isCloseTo(0.184, within(1e-9));
    }

    @Test
    void three_answers_correct_incorrect_correct_without_forgetting() {
        double l1 = 0.6 + (1 - 0.6) * 0.15; // 0.66, as above
        double post2 = l1 * 0.1 / (l1 * 0.1 + (1 - l1) * 0.8); // 0.5 < cut: incorrect
        double l2 = post2 + (1 - post2) * 0.15;
        double post3 = l2 * 0.9 / (l2 * 0.9 + (1 - l2) * 0.2); // 0.8 = cut: correct
        double l3 = post3 + (1 - post3) * 0.15;

        MethodResult result = bkt.apply(new double[] {0.9, 0.5, 0.8});

        assertThat(post2).isCloseTo(0.066 / 0.338, within(1e-9));
        assertThat(l2).isCloseTo(0.31597633136094666, within(1e-9));
        assertThat(result.value()).isCloseTo(l3, within(1e-9));
        assertThat(result.value()).isCloseTo(0.7239112110143299, within(1e-9));
    }

    @Test
    void three_answers_correct_incorrect_correct_with_forgetting() {
        MasteryMethod forgetful = MasteryMethods.create("bkt", Map.of("forget", 0.05));
        double post1 = 0.225 / 0.375; // 0.6
        double l1 = post1 * 0.95 + (1 - post1) * 0.15; // 0.57 + 0.06 = 0.63
        double post2 = l1 * 0.1 / (l1 * 0.1 + (1 - l1) * 0.8); // 0.063 / 0.359
        double l2 = post2 * 0.95 + (1 - post2) * 0.15;
        double post3 = l2 * 0.9 / (l2 * 0.9 + (1 - l2) * 0.2);
        double l3 = post3 * 0.95 + (1 - post3) * 0.15;

        MethodResult result = forgetful.apply(new double[] {0.9, 0.5, 0.8});

        assertThat(l1).isCloseTo(0.63, within(1e-9));
        assertThat(post2).isCloseTo(0.063 / 0.359, within(1e-9));
        assertThat(result.value()).isCloseTo(l3, within(1e-9));
        assertThat(result.value()).isCloseTo(0.6684596788119496, within(1e-9));
    }

    @Test
    void two_ones_and_two_zeros() {
        double onesPost2 = 0.66 * 0.9 / (0.66 * 0.9 + 0.34 * 0.2); // 0.594 / 0.662
        double zerosPost2 = 0.184 * 0.1 / (0.184 * 0.1 + 0.816 * 0.8); // 0.0184 / 0.6712

        assertThat(bkt.apply(new double[] {1.0, 1.0}).value())
                .isCloseTo(onesPost2 + (1 - onesPost2) * 0.15, within(1e-9))
                .isCloseTo(0.9126888217522658, within(1e-9));
        assertThat(bkt.apply(new double[] {0.0, 0.0}).value())
                .isCloseTo(zerosPost2 + (1 - zerosPost2) * 0.15, within(1e-9))
                .isCloseTo(0.1733015494636472, within(1e-9));
    }

    @Test
    void only_the_cut_decides_correctness_so_equal_scores_below_it_count_as_zeros() {
        assertThat(bkt.apply(new double[] {0.79, 0.79}).value())
                .isCloseTo(bkt.apply(new double[] {0.0, 0.0}).value(), within(1e-9));
        assertThat(bkt.apply(new double[] {0.8, 0.8}).value())
                .isCloseTo(bkt.apply(new double[] {1.0, 1.0}).value(), within(1e-9));
    }

    @Test
    void uses_the_parameters_it_is_given() {
        MasteryMethod custom =
                MasteryMethods.create("bkt", Map.of("prior", 0.5, "learn", 0.1, "slip", 0.2, "guess", 0.3, "cut", 0.5));
        // 0.5 >= cut 0.5: correct. post = 0.5·0.8 / (0.5·0.8 + 0.5·0.3) = 0.4 / 0.55
        double post = 0.4 / 0.55;

        assertThat(custom.apply(new double[] {0.5}).value()).isCloseTo(post + (1 - post) * 0.1, within(1e-9));
    }

    @Test
    void learn_of_one_without_forgetting_knows_the_skill_after_any_answer() {
        MasteryMethod instant = MasteryMethods.create("bkt", Map.of("learn", 1.0));

        assertThat(instant.apply(new double[] {0.0}).value()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void a_correct_answer_that_cannot_happen_leaves_p_l_unchanged_and_says_so() {
        // prior 0 and guess 0: a correct answer has probability 0, Bayes' rule is 0/0
        MasteryMethod neverGuesses = MasteryMethods.create("bkt", Map.of("prior", 0.0, "guess", 0.0));

        MethodResult result = neverGuesses.apply(new double[] {1.0});

        assertThat(result.value()).isCloseTo(0.0 * 1 + (1 - 0.0) * 0.15, within(1e-9));
        assertThat(result.note())
                .isEqualTo(
                        "1 answer (the 1st, scored 1) cannot happen with these prior, slip and"
                                + " guess values, so it did not change the estimate before learning; check prior, slip and guess");
    }

    @Test
    void an_incorrect_answer_that_cannot_happen_leaves_p_l_unchanged() {
        // prior 1 and slip 0: an incorrect answer has probability 0
        MasteryMethod neverSlips = MasteryMethods.create("bkt", Map.of("prior", 1.0, "slip", 0.0));

        MethodResult result = neverSlips.apply(new double[] {1.0, 0.2, 0.1});

        assertThat(result.value()).isCloseTo(1.0, within(1e-9));
        assertThat(result.note())
                .startsWith("2 answers (first the 2nd, scored 0.2) cannot happen")
                .contains("so they did not change the estimate");
    }
}
