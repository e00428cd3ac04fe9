/**
 * Spelling help for error messages: finds the known name closest to a misspelt one, so that every
 * "unknown name" error can end with "Maybe you meant ...?".
 */
package dev.pathwise.engine.spelling;
