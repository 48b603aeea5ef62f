package io.stylegraph.graph.imports.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonFactory;
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
    private static final int STYLES_PER_CATEGORY = 3;
    private static final double USER_ACTIVITY_EXPONENT = 0.8;
    private static final double IN_CLUSTER_SHARE = 0.85;
    private static final double DISLIKE_SHARE = 0.1;
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] STYLES = {"classic", "street", "minimal"};
    private static final String[] COLOURS = {"Black", "White", "Navy", "Grey", "Beige", "Red", "Green", "Blue",
        "Brown", "Pink"};

    private record Category(String name, Slot slot, double weight, List<Gender> genders) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category("T-shirts", Slot.TOP, 9, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Shirts", Slot.TOP, 6, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Sweaters", Slot.TOP, 5, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Blouses", Slot.TOP, 4, List.of(Gender.WOMEN)),
            new Category("Jeans", Slot.BOTTOM, 7, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Trousers", Slot.BOTTOM, 5, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Shorts", Slot.BOTTOM, 3, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Skirts", Slot.BOTTOM, 3, List.of(Gender.WOMEN)),
            new Category("Dresses", Slot.DRESS, 8, List.of(Gender.WOMEN)),
            new Category("Jackets", Slot.OUTERWEAR, 4, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Coats", Slot.OUTERWEAR, 3, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Sneakers", Slot.SHOES, 6, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Boots", Slot.SHOES, 3, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Heels", Slot.SHOES, 2, List.of(Gender.WOMEN)),
            new Category("Handbags", Slot.BAG, 4, List.of(Gender.WOMEN)),
            new Category("Backpacks", Slot.BAG, 2, List.of(Gender.UNISEX)),
            new Category("Scarves", Slot.ACCESSORY, 2, List.of(Gender.UNISEX)),
            new Category("Hats", Slot.ACCESSORY, 2, List.of(Gender.UNISEX)),
            new Category("Belts", Slot.ACCESSORY, 2, List.of(Gender.MEN, Gender.WOMEN)),
            new Category("Socks", Slot.OTHER, 2, List.of(Gender.UNISEX)));

    /** One taste cluster: a category for one gender in one style. */
    private record Cluster(int category, Gender gender, int style, double weight) {
    }

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
            long most = users * maxLikesPerUser(items);
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

    static int maxLikesPerUser(long items) {
        return (int) Math.max(1, Math.min(MAX_LIKES_PER_USER, items / 2));
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

    private static final int REPORT_EVERY = 50_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Settings settings;
    private final Progress progress;
    private final List<Cluster> clusters = new ArrayList<>();
    private final double[][] visualCentres;
    private final double[][] textCentres;
    private final double[][] visualStyles;
    private final double[][] textStyles;
    /** Item indexes of each cluster, in file order (so earlier means more popular). */
    private int[][] clusterItems;
    private int[] clusterOfItem;

    public SyntheticCatalogue(Settings settings, Progress progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
        for (int c = 0; c < CATEGORIES.size(); c++) {
            Category category = CATEGORIES.get(c);
            for (Gender gender : category.genders()) {
                for (int style = 0; style < STYLES_PER_CATEGORY; style++) {
                    clusters.add(new Cluster(c, gender, style,
                            category.weight() / category.genders().size() * (1.0 - 0.25 * style)));
                }
            }
        }
        SplittableRandom space = new SplittableRandom(settings.seed() ^ 0x5eed5eedL);
        visualCentres = gaussians(space, CATEGORIES.size(), settings.visualDimension(), 1.0);
        textCentres = gaussians(space, CATEGORIES.size(), settings.textDimension(), 1.0);
        visualStyles = gaussians(space, clusters.size(), settings.visualDimension(), 0.5);
        textStyles = gaussians(space, clusters.size(), settings.textDimension(), 0.5);
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
        long[] counts = writeInteractions(folder.resolve("interactions.jsonl"), userClusters);
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String name : names) {
            sizes.put(name, Files.size(folder.resolve(name)));
        }
        return new Summary(settings.items(), settings.users(), counts[0], counts[1], outfits, CATEGORIES.size(),
                sizes, Duration.ofNanos(System.nanoTime() - start));
    }

    private void writeItemsAndVectors(Path itemsFile, Path vectorsFile) throws IOException {
        int items = (int) settings.items();
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x17e35L);
        double[] cumulative = cumulativeWeights(clusters.stream().mapToDouble(Cluster::weight).toArray());
        clusterOfItem = new int[items];
        int[] sizes = new int[clusters.size()];
        try (JsonLinesWriter itemOut = new JsonLinesWriter(itemsFile);
             JsonLinesWriter vectorOut = new JsonLinesWriter(vectorsFile)) {
            for (int i = 0; i < items; i++) {
                int c = pick(cumulative, random.nextDouble());
                clusterOfItem[i] = c;
                sizes[c]++;
                Cluster cluster = clusters.get(c);
                Category category = CATEGORIES.get(cluster.category());
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
                writeVector(vector, "visual", visualCentres[cluster.category()], visualStyles[c], random);
                vector.writeStringField("text_model", settings.textModel());
                writeVector(vector, "text", textCentres[cluster.category()], textStyles[c], random);
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
        clusterItems = new int[clusters.size()][];
        for (int c = 0; c < sizes.length; c++) {
            clusterItems[c] = new int[sizes[c]];
        }
        int[] filled = new int[clusters.size()];
        for (int i = 0; i < items; i++) {
            int c = clusterOfItem[i];
            clusterItems[c][filled[c]++] = i;
        }
    }

    private void writeVector(JsonGenerator out, String field, double[] centre, double[] style,
                             SplittableRandom random) throws IOException {
        int dimension = centre.length;
        double[] v = new double[dimension];
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            v[d] = centre[d] + style[d] + 0.3 * random.nextGaussian();
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        out.writeArrayFieldStart(field);
        for (int d = 0; d < dimension; d++) {
            // four decimals: plenty for clusters, a third of the bytes of a full float
            out.writeNumber(Math.round(v[d] / norm * 10_000) / 10_000f);
        }
        out.writeEndArray();
    }

    private void writeUsers(Path file, int[][] tasteClusters) throws IOException {
        int users = (int) settings.users();
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x05e75L);
        try (JsonLinesWriter out = new JsonLinesWriter(file)) {
            for (int u = 0; u < users; u++) {
                Gender gender = random.nextBoolean() ? Gender.WOMEN : Gender.MEN;
                tasteClusters[u] = tasteOf(gender, random);
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

    /** One or two clusters of the user's gender or unisex, drawn by cluster weight; only non-empty ones. */
    private int[] tasteOf(Gender gender, SplittableRandom random) {
        double[] weights = new double[clusters.size()];
        for (int c = 0; c < weights.length; c++) {
            Gender g = clusters.get(c).gender();
            weights[c] = (g == gender || g == Gender.UNISEX) && clusterItems[c].length > 0 ? clusters.get(c).weight() : 0;
        }
        double[] cumulative = cumulativeWeights(weights);
        if (cumulative[cumulative.length - 1] == 0) {
            return new int[0];
        }
        int first = pick(cumulative, random.nextDouble());
        if (random.nextDouble() < 0.5) {
            return new int[] {first};
        }
        int second = pick(cumulative, random.nextDouble());
        return second == first ? new int[] {first} : new int[] {first, second};
    }

    /** A top, a bottom and shoes (or a dress and shoes) of one gender and style, each a popular item of its cluster. */
    private long writeOutfits(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x0af175L);
        long written = 0;
        try (JsonLinesWriter out = new JsonLinesWriter(file)) {
            for (long o = 0; o < settings.outfits(); o++) {
                Gender gender = random.nextBoolean() ? Gender.WOMEN : Gender.MEN;
                int style = random.nextInt(STYLES_PER_CATEGORY);
                List<Slot> slots = gender == Gender.WOMEN && random.nextDouble() < 0.3
                        ? List.of(Slot.DRESS, Slot.SHOES) : List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES);
                List<int[]> members = new ArrayList<>();
                for (Slot slot : slots) {
                    int item = popularItemIn(slot, gender, style, random);
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

    private int popularItemIn(Slot slot, Gender gender, int style, SplittableRandom random) {
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Cluster cluster = clusters.get(c);
            if (CATEGORIES.get(cluster.category()).slot() == slot && cluster.style() == style
                    && cluster.gender() == gender && clusterItems[c].length > 0) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            return -1;
        }
        int[] members = clusterItems[candidates.get(random.nextInt(candidates.size()))];
        return members[zipfRank(members.length, random)];
    }

    /** Writes every user's likes and dislikes, user by user; answers {likes, dislikes}. */
    private long[] writeInteractions(Path file, int[][] tasteClusters) throws IOException {
        int[] likesPerUser = likesPerUser();
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x11ce5L);
        int items = (int) settings.items();
        long likes = 0;
        long dislikes = 0;
        Set<Integer> seen = new HashSet<>();
        try (JsonLinesWriter out = new JsonLinesWriter(file)) {
            for (int u = 0; u < likesPerUser.length; u++) {
                int wanted = likesPerUser[u];
                int wantedDislikes = (int) (wanted * DISLIKE_SHARE);
                seen.clear();
                long at = EPOCH.getEpochSecond() + random.nextLong(365L * 24 * 3600);
                int[] taste = tasteClusters[u];
                int liked = 0;
                int disliked = 0;
                int misses = 0;
                while (liked < wanted || disliked < wantedDislikes) {
                    boolean like = disliked >= wantedDislikes
                            || (liked < wanted && random.nextInt(wanted + wantedDislikes) < wanted);
                    // a user who has seen most of what the draws favour gets a uniform draw: at most 55 % of the
                    // catalogue is ever taken, so it succeeds often
                    int item = misses > 50 ? random.nextInt(items)
                            : like ? likedItem(taste, items, random, seen.size()) : dislikedItem(taste, items, random);
                    if (!seen.add(item)) {
                        misses++;
                        continue;
                    }
                    misses = 0;
                    at += 60 + random.nextInt(3 * 24 * 3600);
                    JsonGenerator row = out.generator();
                    row.writeStartObject();
                    row.writeStringField("user_id", userId(u));
                    row.writeStringField("item_id", itemId(item));
                    row.writeStringField("signal", like ? "like" : "dislike");
                    row.writeStringField("time", Instant.ofEpochSecond(at).toString());
                    row.writeEndObject();
                    out.endLine();
                    if (like) {
                        liked++;
                        if (++likes % REPORT_EVERY == 0) {
                            progress.report("likes", likes, settings.likes());
                        }
                    } else {
                        disliked++;
                    }
                }
                dislikes += disliked;
            }
        }
        if (likes % REPORT_EVERY != 0 || likes == 0) {
            progress.report("likes", likes, settings.likes());
        }
        return new long[] {likes, dislikes};
    }

    /**
     * Like counts per user: a power law over users (user 0 the most active), capped at {@link #maxLikesPerUser};
     * what the cap takes from the head goes to the others in proportion to their weight, and the counts add up to
     * exactly {@code likes}.
     */
    int[] likesPerUser() {
        int users = (int) settings.users();
        int cap = maxLikesPerUser(settings.items());
        double[] weight = new double[users];
        for (int u = 0; u < users; u++) {
            weight[u] = Math.pow(u + 1, -USER_ACTIVITY_EXPONENT);
        }
        int[] counts = new int[users];
        boolean[] capped = new boolean[users];
        long remaining = settings.likes();
        // water-filling: give shares by weight; users over the cap get the cap and leave the rest to the others
        while (true) {
            double free = 0;
            for (int u = 0; u < users; u++) {
                if (!capped[u]) {
                    free += weight[u];
                }
            }
            boolean changed = false;
            for (int u = 0; u < users; u++) {
                if (!capped[u] && remaining * weight[u] / free >= cap) {
                    capped[u] = true;
                    counts[u] = cap;
                    remaining -= cap;
                    changed = true;
                }
            }
            if (!changed) {
                long given = 0;
                double[] remainder = new double[users];
                for (int u = 0; u < users; u++) {
                    if (!capped[u]) {
                        double share = remaining * weight[u] / free;
                        counts[u] = (int) Math.floor(share);
                        remainder[u] = share - counts[u];
                        given += counts[u];
                    }
                }
                long left = remaining - given;
                // the leftover (fewer than the number of users) goes one each to the largest remainders; users are
                // in weight order, so ties resolve to the more active
                Integer[] order = new Integer[users];
                for (int u = 0; u < users; u++) {
                    order[u] = u;
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
                for (int k = 0; k < users && left > 0; k++) {
                    if (!capped[order[k]] && counts[order[k]] < cap) {
                        counts[order[k]]++;
                        left--;
                    }
                }
                if (left != 0) {
                    throw new IllegalStateException("like counts do not add up: " + left + " left over");
                }
                return counts;
            }
        }
    }

    private int likedItem(int[] taste, int items, SplittableRandom random, int seenSoFar) {
        // a user who has seen much of their clusters turns to the whole catalogue, so each draw can still succeed
        int tasteSize = 0;
        for (int c : taste) {
            tasteSize += clusterItems[c].length;
        }
        if (taste.length > 0 && seenSoFar < tasteSize / 2 && random.nextDouble() < IN_CLUSTER_SHARE) {
            int[] members = clusterItems[taste[random.nextInt(taste.length)]];
            return members[zipfRank(members.length, random)];
        }
        return zipfRank(items, random);
    }

    private int dislikedItem(int[] taste, int items, SplittableRandom random) {
        int item = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            item = random.nextInt(4) == 0 ? random.nextInt(items) : zipfRank(items, random);
            boolean inTaste = false;
            for (int c : taste) {
                inTaste |= clusterOfItem[item] == c;
            }
            if (!inTaste) {
                return item;
            }
        }
        return item;
    }

    /** A rank in [0, n) with probability falling as 1/(rank + 1), by inverting the continuous distribution. */
    static int zipfRank(int n, SplittableRandom random) {
        int rank = (int) Math.floor(Math.pow(n + 1.0, random.nextDouble())) - 1;
        return Math.min(Math.max(rank, 0), n - 1);
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

    private static double[][] gaussians(SplittableRandom random, int rows, int dimension, double scale) {
        double[][] values = new double[rows][dimension];
        for (double[] row : values) {
            for (int d = 0; d < dimension; d++) {
                row[d] = scale * random.nextGaussian();
            }
        }
        return values;
    }

    private static double[] cumulativeWeights(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        int at = java.util.Arrays.binarySearch(cumulative, target);
        int index = at >= 0 ? at + 1 : -at - 1;
        // skip zero-weight entries that share the cumulative value
        while (index < cumulative.length - 1 && (index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1]) == 0) {
            index++;
        }
        return Math.min(index, cumulative.length - 1);
    }

    /** One JSON object per line, through a buffered UTF-8 writer. */
    private static final class JsonLinesWriter implements AutoCloseable {
        private final Writer writer;
        private final JsonGenerator generator;

        JsonLinesWriter(Path file) throws IOException {
            OutputStream stream = Files.newOutputStream(file);
            this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            this.generator = JSON.createGenerator(writer);
            this.generator.setRootValueSeparator(null);
        }

        JsonGenerator generator() {
            return generator;
        }

        void endLine() throws IOException {
            generator.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            generator.close();
            writer.close();
        }
    }
}
