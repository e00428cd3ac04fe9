/**
 * Limits on what a request may hold: the body size and a concrete Content-Type (filters, before anything is parsed),
 * JSON shape (nesting depth, number and string length, no NUL character, no unknown fields) and the length, characters
 * and items of ids, names and lists. Each is refused with a 4xx problem that names the limit.
 */
package dev.pathwise.api.limits;
