package dev.pathwise.engine.mastery;

/**
 * A way of turning a learner's scores on one competency into a mastery value.
 *
 * <p>Implementations are pure, stateless and thread-safe: one instance may be shared by every evaluation.
 * Obtain them from {@link MasteryMethods#create(String, java.util.Map)}.
 */
public interface MasteryMethod {

    /** The name the method was created by, for example {@code "weighted_average"} or its other name. */
    String name();

    /**
     * Applies the method.
     *
     * @param scores the scores, oldest first, each in [0, 1]; the array is only read
     * @return the mastery value and verdict
     * @throws IllegalArgumentException when {@code scores} is empty, or a score is NaN or outside [0, 1]
     *                                  (the message names its index and value)
     */
    MethodResult apply(double[] scores);
}
