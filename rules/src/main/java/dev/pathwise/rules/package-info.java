/**
 * The default policy pack: mastery, pacing and choice rules (one concern per DRL file) and the grade-band
 * parameters, loaded as a {@link dev.pathwise.engine.policy.PolicySource}.
 */
package dev.pathwise.rules;
