package dev.pathwise.api.tenant;

/** What an API key may do. {@link #ADMIN} may do everything. */
public enum Role {
    /** A learning platform: sends evidence, asks for next steps, reads. */
    PLATFORM,
    /** A teacher: overrides, groups, reads. */
    TEACHER,
    /** A curriculum team: frameworks, activities, policies. */
    CURRICULUM,
    /** Everything. */
    ADMIN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
