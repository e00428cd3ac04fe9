package dev.pathwise.engine.mastery;

/**
 * What one mastery method computes, on scores already checked: at least one, each a number in [0, 1], oldest
 * first. {@link MethodDefinition} names it and checks the scores, so an implementation holds only the arithmetic.
 */
interface Calculation {

    /**
     * @param scores the checked scores, oldest first; only read
     * @param name   the name the policy called the method by, to report as the method used
     */
    MethodResult apply(double[] scores, String name);
}
