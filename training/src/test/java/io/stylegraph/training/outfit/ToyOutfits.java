package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Inline toy outfits with one rule: the garments of an outfit share a colour. Each item's {@code text} feature is a
 * one-hot colour word plus a little noise, so only the colour tells a fitting item from a same-slot stranger. With
 * ten colours, a perfect model answers about 86 % of same-slot fill-in-the-blank questions: a distractor of the same
 * colour is as good an answer as the true item.
 */
final class ToyOutfits {
    static final List<String> COLOURS = List.of("red", "blue", "green", "yellow", "black", "white", "pink",
            "brown", "grey", "orange");
    static final List<String> TYPES = List.of("top", "bottom", "shoes");

    private ToyOutfits() {
    }

    static ItemVectors item(String id, String type, int colour, Random random) {
        float[] text = new float[COLOURS.size() + 2];
        text[colour] = 1f;
        text[COLOURS.size()] = (float) random.nextGaussian() * 0.1f;
        text[COLOURS.size() + 1] = (float) random.nextGaussian() * 0.1f;
        return new ItemVectors(id, type, type + "s", Map.of(ItemVectors.TEXT, text));
    }

    /** {@code count} outfits of a top, a bottom and shoes, all of one colour; ids start with {@code prefix}. */
    static List<OutfitRecord> outfits(String prefix, int count, long seed) {
        Random random = new Random(seed);
        List<OutfitRecord> outfits = new ArrayList<>();
        for (int o = 0; o < count; o++) {
            int colour = random.nextInt(COLOURS.size());
            List<ItemVectors> items = new ArrayList<>();
            for (String type : TYPES) {
                items.add(item(prefix + o + "-" + type, type, colour, random));
            }
            outfits.add(new OutfitRecord(prefix + o, items));
        }
        return outfits;
    }
}
