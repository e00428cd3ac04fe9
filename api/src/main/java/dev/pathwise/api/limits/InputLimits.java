package dev.pathwise.api.limits;

import dev.pathwise.api.problem.ApiProblem;
import java.util.List;

/**
 * The lengths and counts a request may use, checked before anything is stored. Ids are short and made of what ids
 * need (letters, marks, digits, punctuation, symbols and the plain space: control, format, separator, surrogate and
 * unassigned characters such as a right-to-left override or a zero-width space are refused); free text is longer;
 * lists are bounded and hold no {@code null}. The numbers match the database columns they end up in.
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

    private InputLimits() {}

    /**
     * An optional id: at most {@code max} characters, each a letter, mark, digit, punctuation, symbol or the plain
     * space ({@link #isIdCharacter}).
     */
    public static String id(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        length(field, value, max);
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!isIdCharacter(codePoint)) {
                String name = Character.getName(codePoint);
                throw ApiProblem.invalid(
                        field,
                        shown(value),
                        field + ": an id may hold letters, digits, marks,"
                                + " punctuation, symbols and spaces only; found U+" + String.format("%04X", codePoint)
                                + (name == null ? "" : " (" + name.toLowerCase(java.util.Locale.ROOT) + ")")
                                + " at position " + i
                                + ". Send the id without it, for example with letters, digits, '-',"
                                + " '_', '.' or ':'");
            }
            i += Character.charCount(codePoint);
        }
        return value;
    }

    /**
     * The characters an id may hold: letters, combining marks, digits and other numbers, punctuation, symbols and
     * the plain space. Everything else is refused: control and format characters (bidirectional overrides,
     * zero-width spaces and joiners, the byte order mark), line and paragraph separators and other spaces, lone
     * surrogates, private-use and unassigned code points.
     */
    public static boolean isIdCharacter(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
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
            throw ApiProblem.invalid(
                    field, value, field + ": is required; use letters, digits and '.', '_', ':', '@'," + " '~' or '-'");
        }
        length(field, value, ID);
        if (!value.matches(RESOURCE_ID_PATTERN)) {
            throw ApiProblem.invalid(
                    field,
                    shown(value),
                    field + ": '" + shown(value) + "' is not a valid id; use"
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

    /** An optional list of at most {@code max} items, none of them {@code null}. */
    public static <T> List<T> list(String field, List<T> value, int max) {
        if (value == null) {
            return null;
        }
        if (value.size() > max) {
            throw ApiProblem.invalid(
                    field,
                    value.size(),
                    field + ": " + value.size() + " items is more than the" + " limit of " + max + "; send at most "
                            + max);
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw ApiProblem.invalid(
                        field + "[" + i + "]",
                        null,
                        field + "[" + i + "]: is null; send a value" + " or leave the item out");
            }
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
            throw ApiProblem.invalid(
                    field,
                    shown(value),
                    field + ": " + value.length() + " characters is longer" + " than the limit of " + max
                            + "; send at most " + max);
        }
    }

    /** The value as echoed in a problem: long values are cut so a refusal never echoes a whole body. */
    private static String shown(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
