/**
 * Activities aligned to the tenant's competencies (retired rather than deleted, so their evidence stays), and the
 * tenant's {@link dev.pathwise.engine.activity.Curriculum} (all frameworks combined, plus the offered activities),
 * cached in memory and rebuilt when either changes.
 */
package dev.pathwise.api.activity;
