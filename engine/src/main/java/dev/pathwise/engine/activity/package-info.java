/**
 * Activities: lessons, practice, projects, assessments and mini-lessons aligned to competencies,
 * with the modality and grouping the planner matches against a learner's profile.
 */
package dev.pathwise.engine.activity;
