/**
 * The flag queue: every learner in a school (or the district) whom the pacing rules flag now (behind pace,
 * struggling, stalled), with the support the policy suggests and the rule that raised the flag, most urgent first
 * and a page at a time.
 */
package dev.pathwise.api.flag;
