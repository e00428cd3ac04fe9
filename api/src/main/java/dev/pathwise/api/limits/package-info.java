/**
 * Limits on what a request may hold: the body size (a filter, before anything is parsed), JSON shape (nesting depth,
 * number and string length, no NUL character, no unknown fields) and the length of ids, names and lists. Each is
 * refused with a 4xx problem that names the limit.
 */
package dev.pathwise.api.limits;
