/**
 * Policies as a tenant publishes and reads them: versions uploaded as a zip of the policy folder or as JSON files,
 * checked (every layer combination compiled) and tested (the folder's scenarios) before they become active, kept
 * with author, time, message and content hash, rolled back to any earlier one, and swapped atomically under load.
 * Also check, test and simulate (over the tenant's stored evidence) without publishing, the effective policy of one
 * learner with the layer, file and line of every value, and an optional watched folder published on change.
 */
package dev.pathwise.api.policy;
