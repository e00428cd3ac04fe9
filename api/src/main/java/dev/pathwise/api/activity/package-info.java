/**
 * Activities aligned to the tenant's competencies, and the tenant's {@link dev.pathwise.engine.activity.Curriculum}
 * (framework plus activities), cached in memory and rebuilt when either changes.
 */
package dev.pathwise.api.activity;
