/**
 * Keeps every node of a deployment on the same policy and curriculum: a change counter per tenant is bumped in the
 * transaction of each policy publish, activation or rollback and each framework or activity change
 * ({@link dev.pathwise.api.sync.TenantChanges}); every node polls the counters and reloads a tenant whose counters
 * moved ({@link dev.pathwise.api.sync.ChangeWatcher}). The node's active policy per tenant is a health detail.
 */
package dev.pathwise.api.sync;
