/**
 * Policy parameters: the known parameter names with their ranges, and a layer's {@code parameters.yaml} read with the
 * line of every value, so that a grade band's {@link dev.pathwise.engine.policy.BandParameters} can say where each
 * value came from.
 */
package dev.pathwise.engine.policy.parameters;
