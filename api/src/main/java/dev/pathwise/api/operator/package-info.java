/**
 * Operating a deployment, above its tenants: operator keys (stored hashed, shown once), the operator-only endpoints
 * under {@code /v1/operator} (create a district with its first admin key, list, disable, enable) and
 * {@code pathwise admin}, the same operations from the command line against the database or a running service.
 */
package dev.pathwise.api.operator;
