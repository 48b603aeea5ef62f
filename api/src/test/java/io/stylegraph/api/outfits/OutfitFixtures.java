package io.stylegraph.api.outfits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.outfit.DevSliceFigures;
import io.stylegraph.training.outfit.ItemVectors;
import io.stylegraph.training.outfit.OutfitRecord;
import io.stylegraph.training.outfit.ServingModelTrainer;
import io.stylegraph.training.outfit.TypeAwareConfig;
import io.stylegraph.training.outfit.TypeAwareModel;

/**
 * A small fashion catalogue with real words in its titles, and a compatibility model trained on inline outfits of
 * such words (through the real MiniLM encoder), so outfit tests run on the service's real model path in seconds.
 */
public final class OutfitFixtures {
    public static final List<String> COLOURS = List.of("white", "black", "navy", "beige", "red");
    /** Per slot and gender: the garment words. */
    public static final Map<Slot, Map<Gender, String>> GARMENTS = Map.of(
            Slot.TOP, Map.of(Gender.WOMEN, "silk blouse", Gender.MEN, "oxford shirt"),
            Slot.BOTTOM, Map.of(Gender.WOMEN, "pencil skirt", Gender.MEN, "chino trousers"),
            Slot.SHOES, Map.of(Gender.WOMEN, "leather heels", Gender.MEN, "leather loafers"),
            Slot.DRESS, Map.of(Gender.WOMEN, "midi dress"),
            Slot.OUTERWEAR, Map.of(Gender.UNISEX, "wool coat"),
            Slot.BAG, Map.of(Gender.WOMEN, "leather handbag"),
            Slot.ACCESSORY, Map.of(Gender.UNISEX, "silver watch"));

    private OutfitFixtures() {
    }

    /** Item id of colour {@code c} of a slot and gender, e.g. {@code top-women-2}. */
    static String id(Slot slot, Gender gender, int c) {
        return slot.wireName() + "-" + gender.wireName() + "-" + c;
    }

    /** Even colours are Casual, odd ones Formal. */
    static String usage(int c) {
        return c % 2 == 0 ? "Casual" : "Formal";
    }

    public static List<Item> items() {
        List<Item> items = new ArrayList<>();
        GARMENTS.forEach((slot, byGender) -> byGender.forEach((gender, garment) -> {
            for (int c = 0; c < COLOURS.size(); c++) {
                items.add(new Item(id(slot, gender, c), COLOURS.get(c) + " " + garment, null, garment, slot, gender,
                        COLOURS.get(c), Map.of("usage", usage(c)), null, "outfit-test"));
            }
        }));
        items.add(new Item("lamp-1", "brass table lamp", null, "lamp", Slot.OTHER, null, null, Map.of(), null,
                "outfit-test"));
        return items;
    }

    static CatalogueSource source() {
        return source(items());
    }

    /** A catalogue of the given items, under the fixtures' source name. */
    static CatalogueSource source(List<Item> items) {
        return new CatalogueSource() {
            @Override
            public String name() {
                return "outfit-test";
            }

            @Override
            public void read(ImportSink sink) {
                items.forEach(sink::item);
            }
        };
    }

    /**
     * The settings that serve the model file to a test service: the file, no title-vector cache and
     * {@code pairsPerItem} PAIRS_WITH edges per item (0: none).
     */
    static Map<String, String> servedModel(Path file, int pairsPerItem) {
        return Map.of("stylegraph.outfits.model-file", file.toString(),
                "stylegraph.outfits.title-vector-cache", "",
                "stylegraph.outfits.pairs-per-item", Integer.toString(pairsPerItem));
    }

    /** Imports this catalogue into the (emptied) graph and reloads the service's catalogue from it. */
    static void importInto(GraphDatabase graph, CatalogueCache catalogue) throws IOException {
        new GraphImporter(graph).importFrom(source());
        catalogue.reload();
    }

    /**
     * Trains a small model on outfits of matching words (same gender, a dress or separates, sometimes a coat, bag or
     * watch), saves it to {@code file} and returns it.
     */
    public static TypeAwareModel trainModel(Path file) throws IOException {
        try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
            TypeAwareModel model = train(encoder, outfits(encoder, 120, 7, "train"), 8);
            model.save(file);
            return model;
        }
    }

    /**
     * Trains a model as {@link #trainModel} does but for {@code epochs} (0: left as initialized), measures it on 40
     * other outfits of the same kind as its dev slice, saves it with those figures to {@code file} and returns it.
     */
    public static TypeAwareModel trainMeasuredModel(Path file, int epochs) throws IOException {
        try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
            TypeAwareModel model = train(encoder, outfits(encoder, 120, 7, "train"), epochs);
            DevSliceFigures dev = DevSliceFigures.measure(model, outfits(encoder, 40, 11, "dev"));
            TypeAwareModel measured = model.withParameters(dev.parameters());
            measured.save(file);
            return measured;
        }
    }

    private static TypeAwareModel train(MiniLmTextEncoder encoder, List<OutfitRecord> outfits, int epochs) {
        return new io.stylegraph.training.outfit.TypeAwareTrainer(TypeAwareConfig.defaults()
                .withDimension(16).withEpochs(epochs)).train(outfits, null)
                .withParameters(Map.of(ServingModelTrainer.TEXT_ENCODER, encoder.modelId()));
    }

    /** {@code count} outfits of matching words, colours drawn with {@code seed}, ids starting with {@code prefix}. */
    private static List<OutfitRecord> outfits(MiniLmTextEncoder encoder, int count, long seed, String prefix) {
        List<String> words = new ArrayList<>();
        GARMENTS.values().forEach(byGender -> byGender.values().forEach(words::add));
        Random random = new Random(seed);
        List<String> titles = new ArrayList<>();
        for (String colour : COLOURS) {
            words.forEach(word -> titles.add(colour + " " + word));
        }
        List<float[]> vectors = encoder.encode(titles);
        Map<String, float[]> byTitle = new java.util.HashMap<>();
        for (int i = 0; i < titles.size(); i++) {
            byTitle.put(titles.get(i), vectors.get(i));
        }
        List<OutfitRecord> outfits = new ArrayList<>();
        for (int o = 0; o < count; o++) {
            Gender gender = o % 2 == 0 ? Gender.WOMEN : Gender.MEN;
            List<Slot> slots = new ArrayList<>(gender == Gender.WOMEN && o % 4 == 0
                    ? List.of(Slot.DRESS, Slot.SHOES) : List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES));
            Slot extra = List.of(Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY).get(o % 3);
            if (extra != Slot.BAG || gender == Gender.WOMEN) {
                slots.add(extra);
            }
            List<ItemVectors> items = new ArrayList<>();
            for (Slot slot : slots) {
                String word = GARMENTS.get(slot).getOrDefault(gender, GARMENTS.get(slot).get(Gender.UNISEX));
                String title = COLOURS.get(random.nextInt(COLOURS.size())) + " " + word;
                items.add(new ItemVectors(prefix + "-" + o + "-" + slot.wireName(), ItemVectors.typeOf(slot), null,
                        Map.of(ItemVectors.TEXT, byTitle.get(title))));
            }
            outfits.add(new OutfitRecord(prefix + "-" + o, items));
        }
        return outfits;
    }

    /** 40 shoppers {@code taste-0..39}: even ones like four women's tops and shoes, odd ones men's bottoms and shoes. */
    public static void likeInGenderedTasteGroups(GraphDatabase graph) {
        graph.run("""
                UNWIND range(0, 39) AS u
                MATCH (i:Item)
                WHERE (u % 2 = 0 AND i.gender = 'women' AND i.slot IN ['top', 'shoes'])
                   OR (u % 2 = 1 AND i.gender = 'men' AND i.slot IN ['bottom', 'shoes'])
                WITH u, i ORDER BY i.id
                WITH u, collect(i) AS items
                UNWIND range(0, 3) AS k
                WITH u, items[(u + k * 3) % size(items)] AS item, k
                MERGE (s:User {id: 'taste-' + u})
                MERGE (s)-[r:LIKED]->(item)
                SET r.at = datetime('2026-01-01T00:00:00Z') + duration({hours: k})
                """, Map.of());
    }
}
