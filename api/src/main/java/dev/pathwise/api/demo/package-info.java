/**
 * The demo district loaded on first start (when no tenant exists and {@code pathwise.demo.enabled} is true): a grade
 * 6-8 ratios and proportional reasoning framework, activities, three schools, learners in all four grade bands with
 * evidence sent through the real evaluator, one fixed API key per role, and a teacher, Ana Rivera, with her own key
 * and her class of four grade-6 learners (she sees those four only).
 */
package dev.pathwise.api.demo;
