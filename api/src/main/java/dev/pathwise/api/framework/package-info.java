/**
 * Competency frameworks: one per tenant, posted whole and validated by the engine, which lists every problem at
 * once. Stored as JSON; the tenant's curriculum is rebuilt when it changes.
 */
package dev.pathwise.api.framework;
