/**
 * The district's data out, streamed: the evidence that counts (NDJSON and CSV), the learners and the curriculum, in
 * the formats {@code pathwise policy simulate} reads as they are, so a curriculum team can simulate a policy change
 * on a copy of the district's evidence.
 */
package dev.pathwise.api.export;
