/**
 * Competency frameworks: several per tenant (one per subject, say), each posted whole and validated by the engine,
 * which lists every problem at once; competency ids are unique across a tenant's frameworks. Stored as JSON; the
 * tenant's curriculum (all frameworks combined) is rebuilt when one changes.
 */
package dev.pathwise.api.framework;
