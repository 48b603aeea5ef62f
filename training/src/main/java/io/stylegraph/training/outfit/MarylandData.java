package io.stylegraph.training.outfit;

import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.sources.PolyvoreMarylandSource;
import io.stylegraph.models.TextEncoder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Maryland Polyvore data as outfits for the compatibility model.
 *
 * <p><b>Items.</b> Ids are {@code pv-<set_id>_<index>} as in the catalogue import; the type is the slot that
 * {@link PolyvoreMarylandSource#SLOTS} assigns to the category name ({@code other} for home, beauty and the like);
 * the category key is the category name of {@code categories.csv}; the {@code text} feature is the item name's
 * vector where the item has a name. Caller-supplied {@link ExtraVectors} are added by item id.
 *
 * <p><b>Split.</b> The held-out test slice is fixed by the set id alone: the 30 % of {@code outfits-valid.jsonl}
 * whose FNV-1a hash of {@code set_id} falls in buckets 0–2 of 10 (independent of file order and of any seed).
 * Training uses the rest of {@code outfits-valid.jsonl} (names and categories) and all of
 * {@code outfits-train-categories.jsonl} (categories only: those items have no name, so they teach the type and
 * category embeddings and the pair subspaces, while the text projection learns from the named outfits). For tuning,
 * {@link Holdout#DEV} holds out bucket 3 instead and trains without the test slice either; {@link Holdout#SERVING}
 * holds out bucket 3 and trains on everything else, the test slice included (the served model).
 * {@code outfits-test-categories.jsonl} (Maryland's own test split, categories only) is a second, larger test set
 * for the category part.
 */
public final class MarylandData {

    public static final String FOLDER = PolyvoreMarylandSource.NAME;
    public static final String VALID_FILE = "outfits-valid.jsonl";
    public static final String TRAIN_CATEGORIES_FILE = "outfits-train-categories.jsonl";
    public static final String TEST_CATEGORIES_FILE = "outfits-test-categories.jsonl";
    public static final String CATEGORIES_FILE = "categories.csv";
    static final int BUCKETS = 10;
    static final int TEST_BUCKETS = 3;

    /** Which part of the named outfits is held out. */
    public enum Holdout {
        /** The fixed 30 % test slice. */
        TEST,
        /** A 10 % development slice of the remaining outfits; the test slice is left out of training too. */
        DEV,
        /**
         * The development slice only: the test slice is trained on. What the service trains with, so that its model
         * has dev-slice figures to be gated on ({@link ServingModelTrainer}); never for reporting test figures.
         */
        SERVING
    }

    /**
     * The loaded data. {@code trainNamed} and {@code trainCategoryOnly} together are the training outfits;
     * {@code heldOut} is the test (or dev) slice; {@code testCategoryOnly} is Maryland's category-only test split.
     */
    public record Loaded(List<OutfitRecord> trainNamed, List<OutfitRecord> trainCategoryOnly,
                         List<OutfitRecord> heldOut, List<OutfitRecord> testCategoryOnly,
                         Map<Integer, String> categories, TextVectors.Stats textStats) {

        public List<OutfitRecord> train() {
            List<OutfitRecord> all = new ArrayList<>(trainCategoryOnly);
            all.addAll(trainNamed);
            return all;
        }
    }

    private MarylandData() {
    }

    /** The bucket (0–9) of a set id: FNV-1a over its UTF-8 bytes, unsigned, modulo 10. */
    static int bucket(String setId) {
        int hash = 0x811C9DC5;
        for (byte b : setId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return (int) (Integer.toUnsignedLong(hash) % BUCKETS);
    }

    static boolean inTestSlice(String setId) {
        return bucket(setId) < TEST_BUCKETS;
    }

    public static Loaded load(Path folder, TextEncoder encoder, Holdout holdout, List<ExtraVectors> extras,
                              Path vectorCache, PrintStream log) throws IOException {
        return load(folder, encoder, NameText.NAME, holdout, extras, vectorCache, log);
    }

    /** As above, the {@code text} feature the vector of each item's words in {@code form}. */
    public static Loaded load(Path folder, TextEncoder encoder, NameText form, Holdout holdout,
                              List<ExtraVectors> extras, Path vectorCache, PrintStream log) throws IOException {
        Map<Integer, String> categories = MarylandOutfitReader.readCategories(require(folder, CATEGORIES_FILE));
        List<MarylandOutfitReader.Outfit> valid = MarylandOutfitReader.read(require(folder, VALID_FILE));
        List<MarylandOutfitReader.Outfit> trainCategories =
                MarylandOutfitReader.read(require(folder, TRAIN_CATEGORIES_FILE));
        Path testFile = folder.resolve(TEST_CATEGORIES_FILE);
        List<MarylandOutfitReader.Outfit> testCategories = Files.isRegularFile(testFile)
                ? MarylandOutfitReader.read(testFile) : List.of();
        TextVectors.Stats[] stats = new TextVectors.Stats[1];
        Map<String, float[]> text = encodeNames(valid, categories, form, encoder, vectorCache, log, stats);
        List<OutfitRecord> trainNamed = new ArrayList<>();
        List<OutfitRecord> heldOut = new ArrayList<>();
        for (MarylandOutfitReader.Outfit outfit : valid) {
            int bucket = bucket(outfit.setId());
            OutfitRecord record = outfit(outfit, categories, form, text, extras);
            boolean test = bucket < TEST_BUCKETS;
            boolean dev = bucket == TEST_BUCKETS;
            if (holdout == Holdout.TEST ? test : dev) {
                // DEV and SERVING both hold out the dev slice; only DEV also keeps the test slice out of training
                heldOut.add(record);
            } else if (!(holdout == Holdout.DEV && test)) {
                trainNamed.add(record);
            }
        }
        return new Loaded(trainNamed, outfits(trainCategories, categories, form, Map.of(), extras), heldOut,
                outfits(testCategories, categories, form, Map.of(), extras), categories, stats[0]);
    }

    /** Outfits of any file in the {@code outfits-valid.jsonl} format, with name vectors, for {@code --outfits}. */
    public static List<OutfitRecord> loadNamed(Path file, Map<Integer, String> categories, TextEncoder encoder,
                                               List<ExtraVectors> extras, Path vectorCache, PrintStream log,
                                               TextVectors.Stats[] stats) throws IOException {
        return loadNamed(file, categories, NameText.NAME, encoder, extras, vectorCache, log, stats);
    }

    /** As above, the {@code text} feature the vector of each item's words in {@code form}. */
    public static List<OutfitRecord> loadNamed(Path file, Map<Integer, String> categories, NameText form,
                                               TextEncoder encoder, List<ExtraVectors> extras, Path vectorCache,
                                               PrintStream log, TextVectors.Stats[] stats) throws IOException {
        List<MarylandOutfitReader.Outfit> outfits = MarylandOutfitReader.read(file);
        Map<String, float[]> text = encodeNames(outfits, categories, form, encoder, vectorCache, log, stats);
        return outfits(outfits, categories, form, text, extras);
    }

    private static Map<String, float[]> encodeNames(List<MarylandOutfitReader.Outfit> outfits,
                                                    Map<Integer, String> categories, NameText form,
                                                    TextEncoder encoder, Path vectorCache, PrintStream log,
                                                    TextVectors.Stats[] stats) throws IOException {
        if (encoder == null) {
            return Map.of();
        }
        List<String> names = new ArrayList<>();
        outfits.forEach(o -> o.items().forEach(i -> names.add(form.of(i.name(), categories.get(i.categoryId())))));
        return TextVectors.encode(encoder, names, vectorCache, log, stats);
    }

    static List<OutfitRecord> outfits(List<MarylandOutfitReader.Outfit> outfits, Map<Integer, String> categories,
                                      NameText form, Map<String, float[]> text, List<ExtraVectors> extras) {
        List<OutfitRecord> records = new ArrayList<>(outfits.size());
        for (MarylandOutfitReader.Outfit outfit : outfits) {
            records.add(outfit(outfit, categories, form, text, extras));
        }
        return records;
    }

    private static OutfitRecord outfit(MarylandOutfitReader.Outfit outfit, Map<Integer, String> categories,
                                       NameText form, Map<String, float[]> text, List<ExtraVectors> extras) {
        List<ItemVectors> items = new ArrayList<>(outfit.items().size());
        for (MarylandOutfitReader.Item item : outfit.items()) {
            items.add(item(outfit.setId(), item, categories, form, text).withExtras(extras));
        }
        return new OutfitRecord(PolyvoreMarylandSource.ID_PREFIX + outfit.setId(), items);
    }

    /** One item as {@link ItemVectors}; see the class comment for the mapping. */
    static ItemVectors item(String setId, MarylandOutfitReader.Item item, Map<Integer, String> categories,
                            NameText form, Map<String, float[]> text) {
        String category = categories.get(item.categoryId());
        Slot slot = PolyvoreMarylandSource.SLOTS.slotOf(category);
        ItemVectors vectors = ItemVectors.of(PolyvoreMarylandSource.ID_PREFIX + setId + "_" + item.index(),
                ItemVectors.typeOf(slot), category != null ? category : "id:" + item.categoryId())
                .withWords(item.name());
        String words = form.of(item.name(), category);
        float[] nameVector = words == null ? null : text.get(words);
        return nameVector == null ? vectors : vectors.with(ItemVectors.TEXT, nameVector);
    }

    static Path require(Path folder, String file) throws IOException {
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new java.io.FileNotFoundException("missing " + path + " (see ../shared/data/README.md, "
                    + FOLDER + ")");
        }
        return path;
    }
}
