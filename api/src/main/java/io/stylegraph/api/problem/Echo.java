package io.stylegraph.api.problem;

/**
 * Problem details quote what the client sent ("No item with id ..."). A quoted value is cut to
 * {@value #MAX_TOKEN} characters and an ellipsis, and a whole detail to {@value #MAX_DETAIL}, so a megabyte id is not
 * sent back whole.
 */
public final class Echo {
    static final int MAX_TOKEN = 64;
    static final int MAX_DETAIL = 1000;

    private Echo() {
    }

    /** {@code text} with every run of more than 64 non-space characters cut to 64 and an ellipsis. */
    public static String shorten(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DETAIL + 1));
        int run = 0;
        int i = 0;
        for (; i < text.length() && out.length() < MAX_DETAIL; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                run = 0;
                out.append(c);
            } else if (++run <= MAX_TOKEN) {
                out.append(c);
            } else if (run == MAX_TOKEN + 1) {
                out.append('…');
            }
        }
        if (i < text.length()) {
            out.append('…');
        }
        return out.toString();
    }
}
