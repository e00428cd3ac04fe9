/**
 * Browser sessions for the web console: {@code /v1/session} signs in (a person with a password or the district's
 * OpenID Connect provider, or an API key), tells who is signed in and signs out. The session lives server-side (in
 * the database) behind an HttpOnly, SameSite=Strict cookie and holds no secret the page could read; every unsafe
 * request it authenticates must carry its CSRF token.
 */
package dev.pathwise.api.session;
