package dev.pathwise.api.interop.xapi;

import dev.pathwise.api.interop.Iris;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The string formats of the xAPI 1.0.3 Data section (part 4): IRIs and IRLs (RFC 3987), {@code mailto:} IRIs, UUIDs
 * in standard string form, ISO 8601 timestamps and durations, RFC 5646 language tags, SHA-1 and SHA-2 hex digests
 * and Internet media types. Each check answers {@code null} when the value is well formed, else why it is not.
 */
final class XapiFormats {

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final String OFFSET = "(Z|[+-]\\d{2}(:?\\d{2})?)?";
    private static final Pattern EXTENDED_TIME =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?" + OFFSET + "$");
    private static final Pattern BASIC_TIME =
            Pattern.compile("^\\d{4}\\d{2}\\d{2}T\\d{2}\\d{2}(\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}(\\d{2})?)?$");
    private static final Pattern NEGATIVE_ZERO_OFFSET = Pattern.compile("-00(:?00)?$");
    private static final String NUMBER = "\\d+(?:[.,]\\d+)?";
    private static final Pattern DURATION = Pattern.compile("^P(?!$)(" + NUMBER + "Y)?(" + NUMBER + "M)?(" + NUMBER
            + "D)?(T(?=\\d)(" + NUMBER + "H)?(" + NUMBER + "M)?(" + NUMBER + "S)?)?$");
    private static final Pattern WEEKS = Pattern.compile("^P" + NUMBER + "W$");
    private static final Pattern HEX_40 = Pattern.compile("^[0-9a-fA-F]{40}$");
    private static final Pattern HEX_SHA2 =
            Pattern.compile("^([0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}" + "|[0-9a-fA-F]{128})$");
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+\\-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+\\-]*(\\s*;.*)?$");
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private XapiFormats() {}

    /** An absolute IRI (RFC 3987); see {@link Iris#problem}. */
    static String iri(String value) {
        return Iris.problem(value);
    }

    /** {@code mailto:} followed by an email address. */
    static String mailto(String value) {
        if (!value.startsWith("mailto:")) {
            return "'" + shown(value) + "' is not a mailto IRI; write it as mailto:name@example.org";
        }
        String address = value.substring("mailto:".length());
        if (!ADDRESS.matcher(address).matches()) {
            return "'" + shown(value) + "' does not hold an email address after mailto: (name@domain)";
        }
        return iri(value);
    }

    /** A UUID in standard string form: 8-4-4-4-12 hex digits. */
    static String uuid(String value) {
        return UUID.matcher(value).matches()
                ? null
                : "'" + shown(value) + "' is not a UUID in standard string form"
                        + " (8-4-4-4-12 hex digits, such as 6f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0)";
    }

    /**
     * An ISO 8601 date and time, extended or basic format, with an optional offset; the offset -00:00 (unknown local
     * time in RFC 3339) is refused, as is a date that does not exist.
     */
    static String timestamp(String value) {
        boolean extended = EXTENDED_TIME.matcher(value).matches();
        if (!extended && !BASIC_TIME.matcher(value).matches()) {
            return "'" + shown(value) + "' is not an ISO 8601 timestamp such as 2026-11-20T10:00:00.000Z";
        }
        if (NEGATIVE_ZERO_OFFSET.matcher(value).find()) {
            return "'" + shown(value) + "' has the offset -00:00, which means an unknown time zone; use Z or +00:00";
        }
        String digits = value.replaceAll("[^0-9T]", "");
        int month = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        int hour = Integer.parseInt(digits.substring(9, 11));
        int minute = Integer.parseInt(digits.substring(11, 13));
        try {
            java.time.LocalDate.of(Integer.parseInt(digits.substring(0, 4)), month, day);
        } catch (java.time.DateTimeException e) {
            return "'" + shown(value) + "' names a date that does not exist";
        }
        if (hour > 24 || minute > 59) {
            return "'" + shown(value) + "' names a time of day that does not exist";
        }
        return null;
    }

    /** An ISO 8601 duration in the P..Y..M..DT..H..M..S form (or weeks alone, P4W). */
    static String duration(String value) {
        if (DURATION.matcher(value).matches() || WEEKS.matcher(value).matches()) {
            return null;
        }
        return "'" + shown(value) + "' is not an ISO 8601 duration such as PT1H30M or P3DT4H5M6.7S";
    }

    /** A well-formed RFC 5646 language tag, with no singleton or variant repeated. */
    static String languageTag(String value) {
        try {
            new Locale.Builder().setLanguageTag(value);
        } catch (IllformedLocaleException e) {
            return "'" + shown(value) + "' is not an RFC 5646 language tag (such as en, en-US, zh-Hant): "
                    + e.getMessage();
        }
        Set<String> seen = new HashSet<>();
        String[] subtags = value.toLowerCase(Locale.ROOT).split("-");
        for (int i = 1; i < subtags.length; i++) {
            if (subtags[i].equals("x")) {
                break;
            }
            boolean singletonOrVariant = subtags[i].length() == 1
                    || subtags[i].length() >= 5
                    || (subtags[i].length() == 4 && Character.isDigit(subtags[i].charAt(0)));
            if (singletonOrVariant && !seen.add(subtags[i])) {
                return "'" + shown(value) + "' repeats the subtag '" + subtags[i] + "'; RFC 5646 allows each"
                        + " singleton and variant once";
            }
        }
        return null;
    }

    static String sha1(String value) {
        return HEX_40.matcher(value).matches()
                ? null
                : "'" + shown(value) + "' is not a hex SHA-1 digest" + " (40 hex digits)";
    }

    static String sha2(String value) {
        return HEX_SHA2.matcher(value).matches()
                ? null
                : "'" + shown(value) + "' is not a hex SHA-2 digest" + " (56, 64, 96 or 128 hex digits)";
    }

    static String mediaType(String value) {
        return MEDIA_TYPE.matcher(value).matches()
                ? null
                : "'" + shown(value) + "' is not an Internet media type" + " such as application/pdf";
    }

    /** The value as echoed in a message: long values are cut. */
    static String shown(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
