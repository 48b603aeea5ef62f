package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of an item's name or title as {@link WordOverlap} compares them: maximal runs of letters and digits,
 * lower-cased (root locale), each once, in order of first appearance. {@code "Rag & Bone boot, black"} gives
 * {@code [rag, bone, boot, black]}.
 */
public final class ItemWords {

    private ItemWords() {
    }

    /** The distinct words of {@code text}; empty for null or a text without letters or digits. */
    public static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean inWord = i < text.length() && Character.isLetterOrDigit(cp);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return List.copyOf(new ArrayList<>(words));
    }
}
