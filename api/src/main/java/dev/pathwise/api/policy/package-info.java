/**
 * Policies as a tenant sees them: the active version of the default pack, its rule files and the parameters per
 * grade band and school overlay. Each tenant has one active policy for now.
 */
package dev.pathwise.api.policy;
