package dev.pathwise.api.limits;

import java.util.List;

import dev.pathwise.api.problem.ApiProblem;

/**
 * The lengths and counts a request may use, checked before anything is stored. Ids are short and carry no control
 * characters; free text is longer; lists are bounded. The numbers match the database columns they end up in.
 */
public final class InputLimits {

    /** Learner, school, competency, activity, framework and goal ids. */
    public static final int ID = 100;
    /** Evidence ids (idempotency keys from other systems can be long). */
    public static final int EVIDENCE_ID = 200;
    /** Names, titles, sources, authors, labels. */
    public static final int NAME = 200;
    /** Reasons, descriptions. */
    public static final int TEXT = 2_000;
    /** Items of a small list: interests, tags, prerequisites, goals. */
    public static final int LIST = 100;
    /** Competencies in one framework. */
    public static final int FRAMEWORK_SIZE = 5_000;
    /** Activities in one request. */
    public static final int ACTIVITIES_PER_REQUEST = 1_000;

    private InputLimits() {
    }

    /** An optional id: at most {@code max} characters, no control characters. */
    public static String id(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        length(field, value, max);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ApiProblem.invalid(field, shown(value), field + ": an id may not hold control characters"
                        + " (found U+" + String.format("%04X", (int) value.charAt(i)) + " at position " + i
                        + "); use letters, digits, '-', '_', '.' or ':'");
            }
        }
        return value;
    }

    public static String id(String field, String value) {
        return id(field, value, ID);
    }

    /** The characters of an id that names a resource in a path ({@code /v1/schools/{id}}). */
    public static final String RESOURCE_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@~-]*";

    /**
     * A required id of a resource addressed in paths (schools, terms, classes, users): 1 to {@link #ID} characters,
     * a letter or digit first, then letters, digits and {@code . _ : @ ~ -}.
     */
    public static String resourceId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, value, field + ": is required; use letters, digits and '.', '_', ':', '@',"
                    + " '~' or '-'");
        }
        length(field, value, ID);
        if (!value.matches(RESOURCE_ID_PATTERN)) {
            throw ApiProblem.invalid(field, shown(value), field + ": '" + shown(value) + "' is not a valid id; use"
                    + " letters, digits and '.', '_', ':', '@', '~' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** A required name: not blank, at most {@link #NAME} characters, no control characters. */
    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, value, field + ": is required");
        }
        length(field, value, NAME);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.invalid(field, shown(value), field + ": a name may not hold control characters");
        }
        return value.strip();
    }

    /** Optional free text of at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        if (value != null) {
            length(field, value, max);
        }
        return value;
    }

    /** An optional list of at most {@code max} items. */
    public static <T> List<T> list(String field, List<T> value, int max) {
        if (value != null && value.size() > max) {
            throw ApiProblem.invalid(field, value.size(), field + ": " + value.size() + " items is more than the"
                    + " limit of " + max + "; send at most " + max);
        }
        return value;
    }

    /** An optional list of short texts: at most {@link #LIST} items of at most {@code max} characters each. */
    public static List<String> texts(String field, List<String> value, int max) {
        list(field, value, LIST);
        if (value != null) {
            for (int i = 0; i < value.size(); i++) {
                text(field + "[" + i + "]", value.get(i), max);
            }
        }
        return value;
    }

    /** An optional list of ids: at most {@link #LIST} items, each an {@link #id(String, String)}. */
    public static List<String> ids(String field, List<String> value) {
        list(field, value, LIST);
        if (value != null) {
            for (int i = 0; i < value.size(); i++) {
                id(field + "[" + i + "]", value.get(i));
            }
        }
        return value;
    }

    private static void length(String field, String value, int max) {
        if (value.length() > max) {
            throw ApiProblem.invalid(field, shown(value), field + ": " + value.length() + " characters is longer"
                    + " than the limit of " + max + "; send at most " + max);
        }
    }

    /** The value as echoed in a problem: long values are cut so a refusal never echoes a whole body. */
    private static String shown(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
