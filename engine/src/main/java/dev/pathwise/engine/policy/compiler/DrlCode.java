package dev.pathwise.engine.policy.compiler;

/**
 * DRL text with comments and the insides of string literals replaced by spaces, line breaks kept, so that text
 * checks see only code and still report the right line and column.
 */
final class DrlCode {

    private DrlCode() {}

    static String blank(String drl) {
        char[] out = drl.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            char next = i + 1 < out.length ? out[i + 1] : '\0';
            if (c == '/' && next == '/') {
                while (i < out.length && out[i] != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && next == '*') {
                while (i < out.length && !(out[i] == '*' && i + 1 < out.length && out[i + 1] == '/')) {
                    if (out[i] != '\n') {
                        out[i] = ' ';
                    }
                    i++;
                }
                if (i < out.length) {
                    out[i++] = ' ';
                    out[i++] = ' ';
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < out.length && out[i] != c && out[i] != '\n') {
                    if (out[i] == '\\' && i + 1 < out.length) {
                        out[i++] = ' ';
                    }
                    out[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(out);
    }
}
