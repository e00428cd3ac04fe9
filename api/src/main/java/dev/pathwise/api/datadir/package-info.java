/**
 * The embedded H2 database's data directory ({@code pathwise.data-dir}, {@code ./data} by default) belongs to one
 * running service: a second one started on it stops at once with one sentence saying what to do, before anything
 * else starts, instead of a database stack trace.
 */
package dev.pathwise.api.datadir;
