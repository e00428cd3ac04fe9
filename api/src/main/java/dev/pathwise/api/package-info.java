/**
 * The Pathwise HTTP service. Packages are split by feature (evidence, learner, framework, activity, policy, group),
 * with tenants and API keys in {@code tenant}, errors in {@code problem} and wiring in {@code config}.
 */
package dev.pathwise.api;
