package io.stylegraph.api.problem;

import java.time.Instant;

/**
 * What any string from a request may hold before it reaches PostgreSQL, the file system, the graph or a text encoder:
 * well-formed Unicode (no unpaired surrogates, no U+FFFD from bytes that were not UTF-8), no control characters
 * (tab, line feed and carriage return are allowed in request bodies and multipart parts, where JSON and free text live,
 * never in paths, query values or headers), and a bounded length. Timestamps must lie between 1970 and 2100.
 * A value that breaks a rule is a 400 {@code invalid-field} naming the field.
 */
public final class InputRules {
    /** The longest path variable, query value or header value the service reads. */
    public static final int MAX_URL_VALUE = 2048;
    /** The longest multipart text part (the JSON parts of items and looks included). */
    public static final int MAX_PART_VALUE = 65_536;
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private InputRules() {
    }

    /** Where a value came from: decides whether line breaks are allowed and how long it may be. */
    public enum Source {
        URL(false, MAX_URL_VALUE),
        BODY(true, Integer.MAX_VALUE);

        private final boolean lineBreaks;
        private final int maxLength;

        Source(boolean lineBreaks, int maxLength) {
            this.lineBreaks = lineBreaks;
            this.maxLength = maxLength;
        }
    }

    /** Throws 400 {@code invalid-field} naming {@code field} when {@code value} breaks a rule for its source. */
    public static void requireClean(String value, String field, Source source) {
        requireClean(value, field, source.lineBreaks, source.maxLength);
    }

    public static void requireClean(String value, String field, boolean lineBreaks, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw ProblemException.badRequest("invalid-field", field,
                    field + " is longer than " + maxLength + " characters");
        }
        String problem = problem(value, lineBreaks);
        if (problem != null) {
            throw ProblemException.badRequest("invalid-field", field, field + " " + problem);
        }
    }

    /** Why {@code value} is refused, or null when it is clean. */
    static String problem(String value, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "holds an unpaired surrogate (not valid Unicode)";
            }
            if (Character.isLowSurrogate(c)) {
                return "holds an unpaired surrogate (not valid Unicode)";
            }
            if (c == '\uFFFD') {
                return "is not valid UTF-8";
            }
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return "holds a control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    /** Throws 400 {@code invalid-field} naming {@code field} when {@code at} is before 1970 or from 2100 on. */
    public static void requireSaneInstant(Instant at, String field) {
        if (at != null && (at.isBefore(EARLIEST) || !at.isBefore(LATEST))) {
            throw ProblemException.badRequest("invalid-field", field,
                    field + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }
}
