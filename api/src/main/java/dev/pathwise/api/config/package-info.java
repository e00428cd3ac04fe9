/**
 * Wiring: the clock, the engine's policy runtime and evaluator, the API-key interceptor and the OpenAPI description.
 * No business rule lives here.
 */
package dev.pathwise.api.config;
