package io.stylegraph.graph.domain;

import java.util.regex.Pattern;

/**
 * What a user id may be, wherever one arrives (a path, a token's subject, a look or a try-on): 1–128 letters, digits
 * and {@code . _ : @ -}. Constants, so validation annotations can name them.
 */
public final class UserIds {
    /** The pattern a whole user id matches. */
    public static final String PATTERN = "[A-Za-z0-9._:@-]{1,128}";
    /** The rule in words, for problem details. */
    public static final String RULE = "must be 1-128 characters of letters, digits and . _ : @ -";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private UserIds() {
    }

    public static boolean valid(String userId) {
        return userId != null && COMPILED.matcher(userId).matches();
    }
}
