/**
 * The authoring command line, {@code pathwise policy <command> <folder>}: check a policy folder (every layer
 * combination, guard rails, did-you-mean), run its YAML scenarios, and simulate a candidate against the current
 * policy on exported evidence. Publishing and the history go through the service's policy API
 * ({@code dev.pathwise.authoring.remote}).
 */
package dev.pathwise.authoring;
