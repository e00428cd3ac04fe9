package dev.pathwise.engine.framework;

import java.util.Optional;

/**
 * Finds the known id closest to a mistyped one, for "Did you mean ...?" hints in error messages.
 * An id is close when its edit distance is at most {@value #MAX_DISTANCE} and smaller than the mistyped id's length,
 * so a one-letter id is never "corrected" into an unrelated one-letter id.
 */
final class ClosestId {

    static final int MAX_DISTANCE = 2;

    private ClosestId() {
    }

    /** The closest known id; on a tie, the first one given. */
    static Optional<String> among(String unknown, Iterable<String> knownIds) {
        if (unknown == null || unknown.isEmpty()) {
            return Optional.empty();
        }
        int limit = Math.min(MAX_DISTANCE, unknown.length() - 1);
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

    /** " Did you mean 'y'?" when a close id exists, otherwise the empty string. */
    static String didYouMean(String unknown, Iterable<String> knownIds) {
        return among(unknown, knownIds).map(id -> " Did you mean '" + id + "'?").orElse("");
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
