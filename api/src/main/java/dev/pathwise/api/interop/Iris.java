package dev.pathwise.api.interop;

import java.util.regex.Pattern;

/**
 * Absolute IRIs (RFC 3987) as the standards use them to name activities, verbs, items and documents: a scheme, then
 * only characters an IRI may hold. Spaces, control characters (such as BEL) and invisible formatting characters
 * (bidirectional overrides, zero-width characters) are refused, so an IRI shown to a person is the IRI matched.
 */
public final class Iris {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

    private Iris() {}

    /** Null when the value is an absolute IRI; else what is wrong with it, naming the character and position. */
    public static String problem(String value) {
        if (value.isEmpty()) {
            return "is empty; send an absolute IRI such as https://example.org/xapi/activities/quiz-1";
        }
        if (!SCHEME.matcher(value).find()) {
            return "'" + shown(value) + "' is not an absolute IRI: it has no scheme (such as https:)";
        }
        if (value.indexOf(':') == value.length() - 1) {
            return "'" + shown(value) + "' is only a scheme; an IRI names something after it";
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String refused = refused(c);
            if (refused != null) {
                return "'" + shown(value) + "' holds " + refused + " (U+" + String.format("%04X", c) + " at position "
                        + i + "), which an IRI may not hold";
            }
            if (c == '%' && !(i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2)))) {
                return "'" + shown(value) + "' has a '%' at position " + i + " that is not followed by two hex digits";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static String refused(int c) {
        if (Character.isISOControl(c)) {
            return "a control character";
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "a space";
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT) {
            return "an invisible formatting character (such as a bidirectional override or a zero-width character)";
        }
        if (type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || (c & 0xFFFE) == 0xFFFE
                || (c >= 0xFDD0 && c <= 0xFDEF)) {
            return "a code point that is not a character";
        }
        if ("<>\"{}|\\^`".indexOf(c) >= 0) {
            return "'" + Character.toString(c) + "'";
        }
        return null;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String shown(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
