/**
 * How the service is deployed: production mode ({@code pathwise.production=true}) loads no demo data, revokes the
 * demo's well-known keys and puts metrics ({@code /actuator/metrics}, {@code /actuator/prometheus}) behind an
 * operator key; health stays open for load balancers.
 */
package dev.pathwise.api.deployment;
