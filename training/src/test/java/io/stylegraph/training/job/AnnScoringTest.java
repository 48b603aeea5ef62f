package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.InnerProductIndex;
import io.stylegraph.training.model.ItemNeighbourTable;
import io.stylegraph.training.model.Standardization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnScoringTest {
    private static final int ITEMS = 400;
    private static final int D = 8;
    /** A candidate list as long as the catalogue: the graph search then visits every item it can reach. */
    private static final HnswSettings WIDE = new HnswSettings(0, 16, 200, ITEMS);

    /** Random embeddings with an offset mean (so the closed form's mean matters), and a sparse walk with a prior. */
    private static ModelArtifact artifact(Path directory, long seed, boolean walk) {
        return artifact(directory, seed, walk, ITEMS);
    }

    private static ModelArtifact artifact(Path directory, long seed, boolean walk, int count) {
        return artifact(directory, seed, walk, count, ItemNeighbourTable.UNBOUNDED);
    }

    private static ModelArtifact artifact(Path directory, long seed, boolean walk, int count, int budget) {
        Random random = new Random(seed);
        List<String> users = List.of("u1", "u2");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add("item-" + i);
        }
        float[] userEmbeddings = new float[users.size() * D];
        for (int i = 0; i < userEmbeddings.length; i++) {
            userEmbeddings[i] = (float) random.nextGaussian();
        }
        float[] itemEmbeddings = new float[count * D];
        for (int i = 0; i < itemEmbeddings.length; i++) {
            itemEmbeddings[i] = (float) (0.3 + random.nextGaussian() * (1 + i % D * 0.2));
        }
        Map<String, Object> metadata = walk
                ? Map.of(RetrainingJob.ITEM_WALK, Map.of("knownUserWeight", 0.3, "foldInUserWeight", 0.5,
                        "knownUserExponent", 0.25, "foldInUserExponent", 0.5, "budget", budget))
                : Map.of();
        ModelArtifact artifact = new ModelArtifact(directory, users, items, D, userEmbeddings, itemEmbeddings,
                metadata);
        if (!walk) {
            return artifact;
        }
        int[] rowStart = new int[count + 1];
        List<Integer> columns = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            int neighbours = row % 5 == 0 ? 0 : 6;
            for (int n = 0; n < neighbours; n++) {
                columns.add(random.nextInt(count));
                values.add(random.nextFloat());
            }
            rowStart[row + 1] = columns.size();
        }
        float[] prior = new float[count];
        for (int i = 0; i < count; i++) {
            prior[i] = random.nextFloat() * random.nextFloat() * 0.5f;
        }
        float[] weights = new float[values.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = values.get(i);
        }
        return artifact.withItemWalk(new ItemNeighbourTable(rowStart,
                columns.stream().mapToInt(Integer::intValue).toArray(), weights, prior));
    }

    /**
     * The artifact's walk without its entries for every seventh item, which take as lookalikes three random items
     * among those the given likes' rows reach (so a user with those likes moves them).
     */
    private static ModelArtifact withLookalikes(ModelArtifact artifact, long seed, List<String> likes) {
        ItemNeighbourTable table = artifact.itemWalk();
        int n = table.numItems();
        int[] rowStart = new int[n + 1];
        List<Integer> columns = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            for (int k = table.rowStart()[row]; k < table.rowStart()[row + 1]; k++) {
                if (table.columns()[k] % 7 != 0) {
                    columns.add(table.columns()[k]);
                    values.add(table.values()[k]);
                }
            }
            rowStart[row + 1] = columns.size();
        }
        float[] weights = new float[values.size()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = values.get(k);
        }
        ItemNeighbourTable cut = new ItemNeighbourTable(rowStart, columns.stream().mapToInt(Integer::intValue).toArray(),
                weights, table.prior());
        int[] walked = likes.stream().mapToInt(id -> Integer.parseInt(id.substring("item-".length())))
                .flatMap(row -> java.util.Arrays.stream(cut.columns(), cut.rowStart()[row], cut.rowStart()[row + 1]))
                .distinct().toArray();
        Random random = new Random(seed);
        int[][] lookalikes = new int[n][];
        boolean[] reached = cut.reached();
        for (int item = 0; item < n; item++) {
            if (!reached[item]) {
                lookalikes[item] = random.ints(3, 0, walked.length).map(k -> walked[k]).toArray();
            }
        }
        return artifact.withItemWalk(cut.withLookalikes(lookalikes));
    }

    private static AnnScoring ann(ServableModel model) throws InterruptedException {
        return AnnScoring.loadOrBuild(model, WIDE, 2);
    }

    private static final List<String> LIKES = List.of("item-1", "item-2", "item-7", "item-33", "item-5");

    @Test
    void shouldComputeEachUsersModelSpreadInClosedFormAsTheScanDoes() {
        ServableModel model = new ServableModel(artifact(null, 1, false));
        ScoreMoments moments = ScoreMoments.of(model.artifact().itemEmbeddings(), ITEMS, D);
        for (String user : List.of("u1", "u2")) {
            float[] vector = model.userVector(user);
            Standardization scanned = Standardization.of(model.scoreAll(vector), 0, ITEMS);
            Standardization closed = moments.spread(vector);

            assertEquals(scanned.mean(), closed.mean(), 1e-4 * scanned.deviation());
            assertEquals(scanned.deviation(), closed.deviation(), 1e-4 * scanned.deviation());
        }
    }

    @Test
    void shouldComputeTheBlendedScoresAndTheirSpreadAsTheScanDoes() throws Exception {
        ServableModel model = new ServableModel(artifact(null, 2, true));
        AnnScoring ann = ann(model);
        for (boolean known : new boolean[] {true, false}) {
            float[] user = model.userVector("u1");
            float[] scanned = model.scoreAll(user, LIKES, known).clone();
            ServedScores scores = ann.scores(user, LIKES, known);

            for (int row = 0; row < ITEMS; row++) {
                assertEquals(scanned[row], scores.score(row), 1e-4, "row " + row);
            }
            Standardization exact = Standardization.of(scanned, 0, ITEMS);
            assertEquals(exact.mean(), scores.spread().mean(), 1e-4);
            assertEquals(exact.deviation(), scores.spread().deviation(), 1e-4);
        }
    }

    @Test
    void shouldScoreUnreachedItemsThroughTheirLookalikesAsTheScanDoes() throws Exception {
        // every seventh item is unreached and takes its lookalikes' walk gains
        ModelArtifact artifact = withLookalikes(artifact(null, 4, true, ITEMS), 5, LIKES);
        assertTrue(artifact.itemWalk().itemsWithLookalikes() >= ITEMS / 7);
        ServableModel model = new ServableModel(artifact);
        AnnScoring ann = ann(model);
        float[] user = model.userVector("u1");
        float[] scanned = model.scoreAll(user, LIKES, true).clone();
        ServedScores scores = ann.scores(user, LIKES, true);

        for (int row = 0; row < ITEMS; row++) {
            assertEquals(scanned[row], scores.score(row), 1e-4, "row " + row);
        }
        int[] exact = ExactScores.of(model, user, LIKES, true).top(20, row -> true);
        assertArrayEquals(exact, scores.top(20, row -> true));
        // and the lookalikes move the scan's scores: the same walk without them scores differently
        ItemNeighbourTable walk = artifact.itemWalk();
        ServableModel plain = new ServableModel(artifact.withItemWalk(new ItemNeighbourTable(walk.rowStart(),
                walk.columns(), walk.values(), walk.prior())));
        assertFalse(java.util.Arrays.equals(scanned, plain.scoreAll(user, LIKES, true)));
    }

    @Test
    void shouldRankAsTheExactScanWhenTheSearchIsWide() throws Exception {
        for (boolean walk : new boolean[] {false, true}) {
            ServableModel model = new ServableModel(artifact(null, 3, walk));
            AnnScoring ann = ann(model);
            for (String user : List.of("u1", "u2")) {
                float[] vector = user.equals("u1") ? model.userVector(user)
                        : model.foldIn(null, Map.of("item-3", io.stylegraph.graph.domain.Signal.LIKE), 1.0);
                boolean known = user.equals("u1");
                int[] exact = ExactScores.of(model, vector, LIKES, known).top(20, row -> true);
                ServedScores scores = ann.scores(vector, LIKES, known);

                assertTrue(scores.approximate());
                assertArrayEquals(exact, scores.top(20, row -> true), "walk " + walk + ", " + user);
            }
        }
    }

    @Test
    void shouldReturnOnlyItemsTheFilterAcceptsAndAsManyAsAsked() throws Exception {
        ServableModel model = new ServableModel(artifact(null, 4, true));
        AnnScoring ann = ann(model);
        float[] user = model.userVector("u2");
        IntPredicate rare = row -> row % 9 == 4 && row != 13;

        int[] exact = ExactScores.of(model, user, LIKES, true).top(15, rare);
        int[] found = ann.scores(user, LIKES, true).top(15, rare);

        assertEquals(15, found.length);
        for (int row : found) {
            assertTrue(rare.test(row), "row " + row + " is filtered out");
        }
        assertArrayEquals(exact, found);
    }

    /**
     * A catalogue large enough that the graph answers (its depth stays under a sixteenth of the items), over a graph
     * of narrow construction: searched alone, it misses some of a selective filter's best items.
     */
    private static final int MANY = 12_000;
    private static final HnswSettings NARROW = new HnswSettings(0, 4, 8, 8);

    private static int[] rowsWhere(IntPredicate filter) {
        return java.util.stream.IntStream.range(0, MANY).filter(filter).toArray();
    }

    @Test
    void shouldListASelectiveFiltersItemsAsTheExactScanWhenGivenItsPostingList() throws Exception {
        for (boolean walk : new boolean[] {false, true}) {
            ServableModel model = new ServableModel(artifact(null, 7, walk, MANY));
            AnnScoring ann = AnnScoring.loadOrBuild(model, NARROW, 1);
            for (int slot = 0; slot < 6; slot++) {
                int wantedSlot = slot;
                IntPredicate inSlot = row -> row % 6 == wantedSlot;
                // the posting list is the slot's; the filter also drops some of it (items already rated)
                IntPredicate wanted = row -> inSlot.test(row) && row % 7 != 3;
                for (boolean known : new boolean[] {true, false}) {
                    float[] user = model.userVector(known ? "u1" : "u2");
                    int[] exact = ExactScores.of(model, user, LIKES, known).top(20, wanted);

                    assertArrayEquals(exact, ann.scores(user, LIKES, known).top(20, wanted, rowsWhere(inSlot)),
                            "walk " + walk + ", slot " + slot + ", known " + known);
                    assertArrayEquals(exact, ExactScores.of(model, user, LIKES, known).top(20, wanted,
                            rowsWhere(inSlot)), "the scan told the list");
                }
            }
        }
    }

    @Test
    void shouldListASelectiveFiltersItemsAsTheExactScanWithoutAPostingList() throws Exception {
        ServableModel model = new ServableModel(artifact(null, 8, true, MANY));
        AnnScoring ann = AnnScoring.loadOrBuild(model, NARROW, 1);
        IntPredicate oneOfSix = row -> row % 6 == 1;
        for (String user : List.of("u1", "u2")) {
            float[] vector = model.userVector(user);
            int[] exact = ExactScores.of(model, vector, LIKES, true).top(20, oneOfSix);

            assertArrayEquals(exact, ann.scores(vector, LIKES, true).top(20, oneOfSix), user);
        }
    }

    @Test
    void shouldSearchTheGraphForAFilterWhoseListHoldsMostItems() throws Exception {
        ServableModel model = new ServableModel(artifact(null, 9, true, MANY));
        AnnScoring ann = AnnScoring.loadOrBuild(model, new HnswSettings(0, 16, 100, 400), 1);
        IntPredicate most = row -> row % 3 != 0;
        float[] user = model.userVector("u1");
        int[] exact = ExactScores.of(model, user, LIKES, true).top(20, most);

        assertArrayEquals(exact, ann.scores(user, LIKES, true).top(20, most, rowsWhere(most)));
    }

    @Test
    void shouldRankAHeavyShopperAsTheExactScanWhenTheWalkReachesMostItems() throws Exception {
        ServableModel model = new ServableModel(artifact(null, 10, true, MANY));
        AnnScoring ann = AnnScoring.loadOrBuild(model, new HnswSettings(0, 16, 100, 400), 1);
        rankAHeavyShopperAsTheExactScan(model, ann);
    }

    @Test
    void shouldRankAHeavyShopperWithinTheWalkBudgetAsTheExactScan() throws Exception {
        // 2,400 of the 3,000 likes walk somewhere: 4,800 entries read two neighbours of each of their rows of six
        ServableModel model = new ServableModel(artifact(null, 10, true, MANY, 4_800));
        ServableModel unbounded = new ServableModel(artifact(null, 10, true, MANY));
        AnnScoring ann = AnnScoring.loadOrBuild(model, new HnswSettings(0, 16, 100, 400), 1);
        List<String> likes = heavyShoppersLikes();
        float[] user = model.userVector("u1");
        float[] within = model.scoreAll(user, likes, true).clone();
        float[] all = unbounded.scoreAll(user, likes, true).clone();
        assertTrue(java.util.stream.IntStream.range(0, MANY).anyMatch(row -> within[row] != all[row]),
                "the budget leaves out the weaker neighbours");

        rankAHeavyShopperAsTheExactScan(model, ann);
    }

    /** Every fourth item, from item 1: 3,000 likes. */
    private static List<String> heavyShoppersLikes() {
        List<String> likes = new ArrayList<>();
        for (int row = 1; row < MANY; row += 4) {
            likes.add("item-" + row);
        }
        return likes;
    }

    private static void rankAHeavyShopperAsTheExactScan(ServableModel model, AnnScoring ann) {
        // 3,000 likes walk to most of the 12,000 items (unbounded): far more rows than the search's depth of 400
        List<String> likes = heavyShoppersLikes();
        // liked items are never listed; half the catalogue is of the other gender
        IntPredicate wanted = row -> row % 4 != 1 && row % 2 == 0;
        for (boolean known : new boolean[] {true, false}) {
            float[] user = model.userVector(known ? "u1" : "u2");
            ServedScores scores = ann.scores(user, likes, known);
            int[] exact = ExactScores.of(model, user, likes, known).top(20, wanted);

            assertArrayEquals(exact, scores.top(20, wanted), "known " + known);
            float[] scanned = model.scoreAll(user, likes, known);
            for (int row : exact) {
                assertEquals(scanned[row], scores.score(row), 1e-4, "row " + row);
            }
        }
    }

    @Test
    void shouldLoadTheSavedGraphBesideTheArtifactAndRefuseOneSavedForOtherItems(@TempDir Path folder)
            throws Exception {
        Path directory = Files.createDirectories(folder.resolve("v1"));
        ServableModel model = new ServableModel(artifact(directory, 5, false));
        AnnScoring built = ann(model);
        Path file = directory.resolve(AnnScoring.FILE);
        assertTrue(Files.isRegularFile(file));
        String[] ids = model.artifact().itemIds().toArray(String[]::new);

        InnerProductIndex loaded = InnerProductIndex.load(file, ids, model.artifact().itemEmbeddings(), D,
                model::itemRow, WIDE).orElseThrow();
        float[] user = model.userVector("u1");
        assertArrayEquals(built.index().nearestRows(user, 20), loaded.nearestRows(user, 20));

        ServableModel other = new ServableModel(artifact(directory, 6, false));
        assertTrue(InnerProductIndex.load(file, ids, other.artifact().itemEmbeddings(), D, other::itemRow, WIDE)
                .isEmpty(), "a graph saved over other embeddings");
        AnnScoring rebuilt = ann(other);
        assertNotSame(built.index(), rebuilt.index());
        assertArrayEquals(ExactScores.of(other, user, List.of(), true).top(10, row -> true),
                rebuilt.scores(user, List.of(), true).top(10, row -> true));
    }
}
