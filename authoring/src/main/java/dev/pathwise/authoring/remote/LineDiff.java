package dev.pathwise.authoring.remote;

import java.util.List;

/** How many lines one text adds and removes from another: the lines outside their longest common subsequence. */
record LineDiff(int added, int removed) {

    static LineDiff of(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int kept = common[0][0];
        return new LineDiff(b.size() - kept, a.size() - kept);
    }

    static int lineCount(String text) {
        return (int) text.lines().count();
    }
}
