/**
 * The demo district loaded on first start (when no tenant exists and {@code pathwise.demo.enabled} is true): a grade
 * 6-8 ratios and proportional reasoning framework, activities, three schools, learners in all four grade bands with
 * evidence sent through the real evaluator, and one fixed API key per role.
 */
package dev.pathwise.api.demo;
