package io.stylegraph.graph.imports.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * Writes a synthetic catalogue in the generic import format (docs/import-format.md): {@code items.jsonl},
 * {@code vectors.jsonl}, {@code users.jsonl}, {@code outfits.jsonl} and {@code interactions.jsonl}, for measuring
 * how import, training and serving grow with the catalogue. The same settings give the same bytes.
 *
 * <p>Shape: every item belongs to one taste cluster, a (category, gender, style) combination; its visual and text
 * vectors are its category's centre plus a style offset plus noise, so vectors cluster by category and style. Each
 * user has one or two taste clusters of their gender (or unisex). Users' like counts follow a power law (capped),
 * and so does item popularity: within a cluster, and over the whole catalogue, an item earlier in the file is liked
 * more often. Most likes fall in the user's clusters, the rest on popular items anywhere; dislikes fall outside the
 * user's clusters. Rows are written one at a time: memory holds a few integers per item and per user, never the
 * rows themselves.
 */
public final class SyntheticCatalogue {
    /** The default encoder names stored with the generated vectors ({@code visual_model}, {@code text_model}). */
    public static final String VISUAL_MODEL = "synthetic-visual";
    public static final String TEXT_MODEL = "synthetic-text";
    /** Most likes one user gets; the rest of a power-law head is spread over the other users. */
    public static final int MAX_LIKES_PER_USER = 2_000;
    private static final String[] STYLES = {"classic", "street", "minimal"};
    private static final String[] COLOURS = {"Black", "White", "Navy", "Grey", "Beige", "Red", "Green", "Blue",
        "Brown", "Pink"};

    /**
     * What to generate. The vectors are written as made by {@code visualModel} and {@code textModel}: name the
     * service's encoders (with their dimensions) and the embedding job takes the imported vectors as its own.
     */
    public record Settings(long items, long users, long likes, long seed, long outfits, int visualDimension,
                           int textDimension, String visualModel, String textModel) {
        /** Vectors of one length in both modalities, named {@link #VISUAL_MODEL} and {@link #TEXT_MODEL}. */
        public Settings(long items, long users, long likes, long seed, long outfits, int dimension) {
            this(items, users, likes, seed, outfits, dimension, dimension, VISUAL_MODEL, TEXT_MODEL);
        }

        public Settings {
            if (items < 2 || items > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("items must be between 2 and " + (Integer.MAX_VALUE - 8) + ": "
                        + items);
            }
            if (users < 1 || users > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("users must be between 1 and " + (Integer.MAX_VALUE - 8) + ": "
                        + users);
            }
            if (likes < 0) {
                throw new IllegalArgumentException("likes must not be negative: " + likes);
            }
            long most = users * LikeCounts.maxPerUser(items);
            if (likes > most) {
                throw new IllegalArgumentException("likes must be at most " + most + " for " + items + " items and "
                        + users + " users (a user likes at most min(" + MAX_LIKES_PER_USER
                        + ", items / 2) distinct items)");
            }
            if (outfits < 0) {
                throw new IllegalArgumentException("outfits must not be negative: " + outfits);
            }
            for (int dimension : new int[] {visualDimension, textDimension}) {
                if (dimension < 2 || dimension > 4_096) {
                    throw new IllegalArgumentException("vector dimensions must be between 2 and 4096: " + dimension);
                }
            }
            if (visualModel == null || visualModel.isBlank() || textModel == null || textModel.isBlank()) {
                throw new IllegalArgumentException("the vectors' model names must not be blank");
            }
        }

        /** Settings with one outfit per 200 items and 32-dimensional vectors. */
        public static Settings of(long items, long users, long likes, long seed) {
            return new Settings(items, users, likes, seed, items / 200, 32);
        }
    }

    /** Told how far each phase has got; called every few thousand rows and at each phase's end. */
    @FunctionalInterface
    public interface Progress {
        Progress SILENT = (phase, done, total) -> { };

        void report(String phase, long done, long total);
    }

    /** What was written: row counts and the files with their sizes in bytes. */
    public record Summary(long items, long users, long likes, long dislikes, long outfits, int categories,
                          Map<String, Long> fileBytes, Duration elapsed) {
        public long totalBytes() {
            return fileBytes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final int REPORT_EVERY = 50_000;

    private final Settings settings;
    private final Progress progress;
    private final TasteClusters taste = new TasteClusters();
    private final ClusterVectors vectors;

    public SyntheticCatalogue(Settings settings, Progress progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.vectors = new ClusterVectors(new SplittableRandom(settings.seed() ^ 0x5eed5eedL),
                TasteClusters.CATEGORIES.size(), taste.size(), settings.visualDimension(), settings.textDimension());
    }

    /** Writes the five files into {@code folder} (created when missing); refuses to overwrite catalogue files. */
    public Summary write(Path folder) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(folder);
        List<String> names = List.of("items.jsonl", "vectors.jsonl", "users.jsonl", "outfits.jsonl",
                "interactions.jsonl");
        for (String name : names) {
            if (Files.exists(folder.resolve(name))) {
                throw new IOException(folder.resolve(name) + " already exists; generate into an empty folder");
            }
        }
        writeItemsAndVectors(folder.resolve("items.jsonl"), folder.resolve("vectors.jsonl"));
        int[][] userClusters = new int[(int) settings.users()][];
        writeUsers(folder.resolve("users.jsonl"), userClusters);
        long outfits = writeOutfits(folder.resolve("outfits.jsonl"));
        long[] counts = new InteractionHistory(settings, progress, taste).write(folder.resolve("interactions.jsonl"),
                userClusters);
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String name : names) {
            sizes.put(name, Files.size(folder.resolve(name)));
        }
        return new Summary(settings.items(), settings.users(), counts[0], counts[1], outfits,
                TasteClusters.CATEGORIES.size(),
                sizes, Duration.ofNanos(System.nanoTime() - start));
    }

    private void writeItemsAndVectors(Path itemsFile, Path vectorsFile) throws IOException {
        int items = (int) settings.items();
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x17e35L);
        double[] cumulative = Draws.cumulativeWeights(taste.weights());
        int[] clusterOfItem = new int[items];
        try (JsonLinesWriter itemOut = new JsonLinesWriter(itemsFile);
             JsonLinesWriter vectorOut = new JsonLinesWriter(vectorsFile)) {
            for (int i = 0; i < items; i++) {
                int c = Draws.pick(cumulative, random.nextDouble());
                clusterOfItem[i] = c;
                TasteClusters.Cluster cluster = taste.get(c);
                TasteClusters.Category category = TasteClusters.CATEGORIES.get(cluster.category());
                String colour = COLOURS[random.nextInt(COLOURS.length)];
                String brand = String.format("Brand %02d", random.nextInt(60));
                String style = STYLES[cluster.style()];
                JsonGenerator item = itemOut.generator();
                item.writeStartObject();
                item.writeStringField("id", itemId(i));
                item.writeStringField("title", capitalised(style) + " " + colour.toLowerCase(java.util.Locale.ROOT)
                        + " " + category.name().toLowerCase(java.util.Locale.ROOT));
                item.writeStringField("category", category.name());
                item.writeStringField("slot", category.slot().wireName());
                item.writeStringField("gender", cluster.gender().wireName());
                item.writeStringField("colour", colour);
                item.writeStringField("brand", brand);
                item.writeObjectFieldStart("attributes");
                item.writeStringField("style", style);
                item.writeEndObject();
                item.writeEndObject();
                itemOut.endLine();

                JsonGenerator vector = vectorOut.generator();
                vector.writeStartObject();
                vector.writeStringField("item_id", itemId(i));
                vector.writeStringField("visual_model", settings.visualModel());
                vectors.writeVisual(vector, cluster.category(), c, random);
                vector.writeStringField("text_model", settings.textModel());
                vectors.writeText(vector, cluster.category(), c, random);
                vector.writeEndObject();
                vectorOut.endLine();
                if ((i + 1) % REPORT_EVERY == 0) {
                    progress.report("items", i + 1, items);
                }
            }
        }
        if (items % REPORT_EVERY != 0) {
            progress.report("items", items, items);
        }
        taste.assign(clusterOfItem);
    }

    private void writeUsers(Path file, int[][] tasteClusters) throws IOException {
        int users = (int) settings.users();
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x05e75L);
        try (JsonLinesWriter out = new JsonLinesWriter(file)) {
            for (int u = 0; u < users; u++) {
                Gender gender = random.nextBoolean() ? Gender.WOMEN : Gender.MEN;
                tasteClusters[u] = taste.tasteOf(gender, random);
                JsonGenerator user = out.generator();
                user.writeStartObject();
                user.writeStringField("id", userId(u));
                user.writeObjectFieldStart("attributes");
                user.writeStringField("gender", gender.wireName());
                user.writeEndObject();
                user.writeEndObject();
                out.endLine();
                if ((u + 1) % REPORT_EVERY == 0) {
                    progress.report("users", u + 1, users);
                }
            }
        }
        if (users % REPORT_EVERY != 0) {
            progress.report("users", users, users);
        }
    }

    /** A top, a bottom and shoes (or a dress and shoes) of one gender and style, each a popular item of its cluster. */
    private long writeOutfits(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x0af175L);
        long written = 0;
        try (JsonLinesWriter out = new JsonLinesWriter(file)) {
            for (long o = 0; o < settings.outfits(); o++) {
                Gender gender = random.nextBoolean() ? Gender.WOMEN : Gender.MEN;
                int style = random.nextInt(TasteClusters.STYLES_PER_CATEGORY);
                List<Slot> slots = gender == Gender.WOMEN && random.nextDouble() < 0.3
                        ? List.of(Slot.DRESS, Slot.SHOES) : List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES);
                List<int[]> members = new ArrayList<>();
                for (Slot slot : slots) {
                    int item = taste.popularItemIn(slot, gender, style, random);
                    if (item >= 0) {
                        members.add(new int[] {item, slot.ordinal()});
                    }
                }
                if (members.size() < 2) {
                    continue;
                }
                JsonGenerator outfit = out.generator();
                outfit.writeStartObject();
                outfit.writeStringField("id", String.format("outfit-%07d", o));
                outfit.writeArrayFieldStart("items");
                for (int[] member : members) {
                    outfit.writeStartObject();
                    outfit.writeStringField("itemId", itemId(member[0]));
                    outfit.writeStringField("slot", Slot.values()[member[1]].wireName());
                    outfit.writeEndObject();
                }
                outfit.writeEndArray();
                outfit.writeObjectFieldStart("attributes");
                outfit.writeStringField("style", STYLES[style]);
                outfit.writeEndObject();
                outfit.writeEndObject();
                out.endLine();
                written++;
            }
        }
        progress.report("outfits", written, settings.outfits());
        return written;
    }

    public static String itemId(int index) {
        return String.format("item-%07d", index);
    }

    public static String userId(int index) {
        return String.format("user-%07d", index);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
