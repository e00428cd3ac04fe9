package dev.pathwise.api.tenant;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a key or a user may do. {@link #ADMIN} may do everything. */
public enum Role {
    /** A learning platform: sends evidence, asks for next steps, reads. */
    PLATFORM,
    /** A teacher: overrides, groups, reads. */
    TEACHER,
    /** A curriculum team: frameworks, activities, policies. */
    CURRICULUM,
    /** Everything. */
    ADMIN;

    /** The roles a person may hold (a platform is a system, never a person). */
    public static final Set<Role> OF_PEOPLE = EnumSet.of(TEACHER, CURRICULUM, ADMIN);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a label such as "teacher", or empty. */
    public static java.util.Optional<Role> ofLabel(String label) {
        if (label == null) {
            return java.util.Optional.empty();
        }
        String wanted = label.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }

    /** Roles as stored for a user: "TEACHER,CURRICULUM". */
    public static Set<Role> parseAll(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Roles as stored, in the order of this enum. */
    public static String storeAll(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }

    public static List<String> labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).toList();
    }
}
