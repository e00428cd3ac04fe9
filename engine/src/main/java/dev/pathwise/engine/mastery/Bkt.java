package dev.pathwise.engine.mastery;

/**
 * {@code bkt}: Bayesian Knowledge Tracing. Starting from {@code P(L) = prior}, each score in order is an answer,
 * correct when {@code score >= cut}; P(L) is updated by Bayes' rule, then by the learning transition:
 * <pre>
 * correct:   post = P(L)(1−S) / (P(L)(1−S) + (1−P(L))G)
 * incorrect: post = P(L)S     / (P(L)S     + (1−P(L))(1−G))
 * then:      P(L) = post·(1−F) + (1−post)·T
 * </pre>
 * The value is P(L) after the last score.
 *
 * <p>When an answer cannot happen under the parameters (for example a correct answer with P(L) = 0 and
 * guess = 0) Bayes' rule divides zero by zero; P(L) is then left unchanged by that answer, and the note says so.
 *
 * @param prior  P(L₀), the probability the skill is known before any evidence
 * @param learn  T, the probability of learning the skill between two answers
 * @param slip   S, the probability of a wrong answer although the skill is known
 * @param guess  G, the probability of a right answer although the skill is not known
 * @param forget F, the probability of forgetting the skill between two answers
 * @param cut    the score from which an answer counts as correct
 */
record Bkt(double prior, double learn, double slip, double guess, double forget, double cut) implements Calculation {

    static final String NAME = "bkt";
    static final Parameter PRIOR = Parameter.inClosedUnit("prior", 0.25);
    static final Parameter LEARN = Parameter.inClosedUnit("learn", 0.15);
    static final Parameter SLIP = Parameter.fromZeroBelowOne("slip", 0.10);
    static final Parameter GUESS = Parameter.fromZeroBelowOne("guess", 0.20);
    static final Parameter FORGET = Parameter.inClosedUnit("forget", 0.0);
    static final Parameter CUT = Parameter.inClosedUnit("cut", 0.8);

    /** The method called {@code name}, once slip and guess are known to leave answers meaningful. */
    static Bkt of(String name, double prior, double learn, double slip, double guess, double forget, double cut) {
        if (!(slip + guess < 1.0)) {
            throw new IllegalArgumentException("Mastery method '" + name + "' parameters 'slip' ("
                    + DecimalText.of(slip) + ") and 'guess' (" + DecimalText.of(guess) + ") add up to "
                    + DecimalText.of(slip + guess)
                    + ", outside the allowed range: slip + guess < 1. Otherwise a correct answer is no evidence"
                    + " of knowing the skill; lower one of them, for example to the defaults slip 0.1, guess 0.2.");
        }
        return new Bkt(prior, learn, slip, guess, forget, cut);
    }

    @Override
    public MethodResult apply(double[] scores, String name) {
        double known = prior;
        int impossibleAnswers = 0;
        int firstImpossible = -1;
        for (int i = 0; i < scores.length; i++) {
            double numerator;
            double denominator;
            if (scores[i] >= cut) {
                numerator = known * (1.0 - slip);
                denominator = numerator + (1.0 - known) * guess;
            } else {
                numerator = known * slip;
                denominator = numerator + (1.0 - known) * (1.0 - guess);
            }
            double posterior;
            if (denominator > 0.0) {
                posterior = numerator / denominator;
            } else {
                posterior = known;
                if (impossibleAnswers++ == 0) {
                    firstImpossible = i;
                }
            }
            known = posterior * (1.0 - forget) + (1.0 - posterior) * learn;
        }
        boolean one = impossibleAnswers == 1;
        String note = impossibleAnswers == 0
                ? ""
                : (one ? "1 answer (the " : impossibleAnswers + " answers (first the ")
                        + DecimalText.ordinal(firstImpossible + 1) + ", scored "
                        + DecimalText.of(scores[firstImpossible])
                        + ") cannot happen with these prior, slip and guess values, so " + (one ? "it" : "they")
                        + " did not change the estimate before learning; check prior, slip and guess";
        return new MethodResult(Scores.clamp(known), true, name, note);
    }
}
