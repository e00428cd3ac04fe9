/**
 * Interoperability with the standards schools already use: CASE 1.0 frameworks in ({@code casestandards}) and
 * xAPI 1.0.3 statements as evidence ({@code xapi}). Each maps the outside format to Pathwise at the edge and hands
 * the result to the same services the native API uses.
 */
package dev.pathwise.api.interop;
