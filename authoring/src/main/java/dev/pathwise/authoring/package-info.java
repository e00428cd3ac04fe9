/**
 * The authoring command line, {@code pathwise policy <command> <folder>}: check a policy folder (every layer
 * combination, guard rails, did-you-mean), run its YAML scenarios, and simulate a candidate against the current
 * policy on exported evidence. Publishing goes through the service's policy API.
 */
package dev.pathwise.authoring;
