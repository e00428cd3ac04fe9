package dev.pathwise.engine.spelling;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name or id closest to a misspelt one, for "Maybe you meant ...?" hints in error messages.
 *
 * <p>Two policies: names (methods, parameters, keywords) match leniently, ignoring case and accepting a prefix;
 * ids (competencies) match exactly as typed and must be close: at most two edits and fewer than the id's length,
 * so a one-letter id is never "corrected" into an unrelated one.
 */
public final class Suggestions {

    private static final int MAX_ID_DISTANCE = 2;

    private Suggestions() {}

    /** The known name closest to {@code given} when it is close enough to be a plausible typo. */
    public static Optional<String> closestName(String given, Collection<String> known) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String wanted = given.trim().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            String candidate = name.toLowerCase(Locale.ROOT);
            int distance = candidate.equals(wanted)
                    ? 0
                    : wanted.length() >= 3 && (candidate.startsWith(wanted) || wanted.startsWith(candidate))
                            ? 1
                            : distance(wanted, candidate);
            int tolerated = Math.max(1, Math.max(wanted.length(), candidate.length()) / 3);
            if (distance <= tolerated && distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The known id closest to {@code unknown}, compared as typed; on a tie, the first one given. */
    public static Optional<String> closestId(String unknown, Iterable<String> knownIds) {
        if (unknown == null || unknown.isEmpty()) {
            return Optional.empty();
        }
        int limit = Math.min(MAX_ID_DISTANCE, unknown.length() - 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : knownIds) {
            int distance = distance(unknown, known);
            if (distance <= limit && distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " Maybe you meant 'x'?" when a known name is close, otherwise "". */
    public static String nameHint(String given, Collection<String> known) {
        return closestName(given, known).map(Suggestions::hint).orElse("");
    }

    /** " Maybe you meant 'x'?" when a known id is close, otherwise "". */
    public static String idHint(String unknown, Iterable<String> knownIds) {
        return closestId(unknown, knownIds).map(Suggestions::hint).orElse("");
    }

    private static String hint(String suggestion) {
        return " Maybe you meant '" + suggestion + "'?";
    }

    /** Edits (insert, delete, substitute, swap two neighbours) turning {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
