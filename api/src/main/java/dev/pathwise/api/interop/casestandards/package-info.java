/**
 * CASE 1.0 (1EdTech Competencies and Academic Standards Exchange) packages imported as the tenant's framework:
 * CFItems become competencies keyed by their identifier, {@code isChildOf} builds the hierarchy, {@code precedes}
 * the prerequisites; other associations are kept without gating. Re-importing updates in place.
 */
package dev.pathwise.api.interop.casestandards;
