/**
 * Tenants (districts) and their API keys. A request carries {@code X-Api-Key}; the key is looked up by its SHA-256
 * hash and gives the caller's tenant, roles and, for a key of a user, the person. Every query is scoped by that
 * tenant; a disabled tenant's keys are refused.
 */
package dev.pathwise.api.tenant;
