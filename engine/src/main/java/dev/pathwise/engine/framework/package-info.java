/**
 * The competency framework as a validated, immutable graph: a parent/child hierarchy plus prerequisite edges,
 * where a parent's prerequisites are inherited by its children unless the framework says otherwise.
 * {@link dev.pathwise.engine.framework.Framework#of} rejects an inconsistent framework with every problem listed
 * at once; after that, every query (ancestors, effective prerequisites, dependents, topological order) is a lookup.
 */
package dev.pathwise.engine.framework;
