package io.stylegraph.models.onnx;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text cleaning open_clip applies before SigLIP tokenization ({@code tokenizer_kwargs.clean = "canonicalize"}):
 * HTML entities unescaped (twice, as open_clip does), underscores to spaces, ASCII punctuation removed, lower case,
 * runs of whitespace collapsed to one space. open_clip also runs ftfy's mojibake repair first; that step is not
 * reproduced, so text with broken encodings may tokenize differently.
 */
public final class TextCanonicalizer {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});");
    /** Unicode white space, as Python's {@code str.split()} sees it (no-break spaces included). */
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public String canonicalize(String text) {
        String cleaned = unescapeHtml(unescapeHtml(text)).strip().replace('_', ' ');
        StringBuilder out = new StringBuilder(cleaned.length());
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (ASCII_PUNCTUATION.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return WHITESPACE.matcher(out.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String original) {
        if (entity.startsWith("#x") || entity.startsWith("#X")) {
            return codePoint(Integer.parseInt(entity.substring(2), 16), original);
        }
        if (entity.startsWith("#")) {
            return codePoint(Integer.parseInt(entity.substring(1)), original);
        }
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            default -> original;
        };
    }

    private static String codePoint(int value, String original) {
        return Character.isValidCodePoint(value) && value != 0 ? new String(Character.toChars(value)) : original;
    }
}
