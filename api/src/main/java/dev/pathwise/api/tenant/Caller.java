package dev.pathwise.api.tenant;

/**
 * Who is calling: the tenant every query is scoped to, the role of the key and its label (used as an author).
 */
public record Caller(String tenantId, Role role, String keyLabel) {

    static final String ATTRIBUTE = Caller.class.getName();
}
