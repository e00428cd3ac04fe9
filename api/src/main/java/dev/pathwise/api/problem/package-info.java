/**
 * Errors as {@code application/problem+json}: every problem names the field and the value at fault and says how to
 * fix it. Bad input is a 4xx, never a 500.
 */
package dev.pathwise.api.problem;
