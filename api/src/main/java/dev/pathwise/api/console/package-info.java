/**
 * Serving the web console (the {@code pathwise-console} jar's {@code static/}) at {@code /}: its pages reload at
 * their own addresses, its hashed assets are cached for good, and its pages carry a strict Content-Security-Policy.
 * The console itself is a client of the public {@code /v1} API and has no endpoint of its own.
 */
package dev.pathwise.api.console;
