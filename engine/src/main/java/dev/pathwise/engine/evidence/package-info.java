/**
 * Evidence: the scored observations that learning platforms send, one at a time or in batches.
 * A score keeps its own scale; the engine reasons on its normalized 0..1 value.
 */
package dev.pathwise.engine.evidence;
