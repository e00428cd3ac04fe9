/**
 * Tenants and their API keys. A request carries {@code X-Api-Key}; the key is looked up by its SHA-256 hash and gives
 * the caller's tenant and role. Every query is scoped by that tenant.
 */
package dev.pathwise.api.tenant;
