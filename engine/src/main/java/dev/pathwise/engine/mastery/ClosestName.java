package dev.pathwise.engine.mastery;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelled one was most likely meant to be, for "did you mean" hints. */
final class ClosestName {

    private ClosestName() {
    }

    /** The closest of {@code known} to {@code given}, when one is close enough to be a plausible typo. */
    static Optional<String> among(String given, Collection<String> known) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String wanted = given.trim().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            String candidate = name.toLowerCase(Locale.ROOT);
            int distance = candidate.equals(wanted) ? 0
                    : wanted.length() >= 3 && (candidate.startsWith(wanted) || wanted.startsWith(candidate)) ? 1
                    : editDistance(wanted, candidate);
            int tolerated = Math.max(1, Math.max(wanted.length(), candidate.length()) / 3);
            if (distance <= tolerated && distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " Maybe you meant 'x'?" when a known name is close, otherwise "". */
    static String hint(String given, Collection<String> known) {
        return among(given, known).map(name -> " Maybe you meant '" + name + "'?").orElse("");
    }

    /** Edits (insert, delete, substitute, swap two neighbours) turning {@code a} into {@code b}. */
    private static int editDistance(String a, String b) {
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
