package io.stylegraph.training.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.function.IntPredicate;

import io.stylegraph.models.Vectors;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.InnerProductIndex;
import io.stylegraph.training.index.TopK;
import io.stylegraph.training.model.ItemNeighbourTable;
import io.stylegraph.training.model.Standardization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recommendations of a {@link ServableModel} without scoring every item: an {@link InnerProductIndex} over the item
 * embeddings proposes the items the user vector scores highest, the item-walk proposes the items the user's likes walk
 * to and the items of highest walk prior, and only those candidates are scored, with the same blend as the exact scan
 * ({@link ServableModel#scoreAll(float[], Collection, boolean)}). The per-user standardization stays that of the
 * exact scan: the mean and variance of the model's scores over every item come in closed form from the items' mean
 * vector and covariance ({@link ScoreMoments}), those of the walk from sums over its prior precomputed once plus the
 * few items the likes reach.
 * <p>
 * <b>Candidates and filters.</b> {@link ServedScores#top} starts at depth max(ef, 4·k): that many index results,
 * every item the likes' walk rows reach and that many items of highest walk prior. It scores those the filter accepts
 * and stops when k passed and the k-th score is at least the best score any item outside the candidates can have
 * (the depth-th index score with the depth-th walk prior). Otherwise (filters removed too many, or the bound is not
 * met) the depth is multiplied by 4, or by more when the filter passed fewer than k/2 candidates (by 2k / passed, so
 * the next round should pass about 2k); once it would pass a sixteenth of the items the exact scan answers instead.
 * <p>
 * <b>Selective filters.</b> The graph finds the items nearest the user; a filter that keeps few items makes the last
 * of the k come from far away, where the search is weak and the bound above (which takes the graph as exact) does not
 * notice: at 230k items and one outfit slot of six, recall@20 was 0.82. So a filter whose posting list
 * ({@link ServedScores#top(int, IntPredicate, int[])}: the slot's or gender's rows) holds at most 1/{@value
 * #SELECTIVE_FRACTION} of the items is answered by scoring that list whole, exactly as the scan would; and a filter
 * without such a list that passes fewer than 1/{@value #SELECTIVE_FRACTION} of the first round's candidates has the
 * items it accepts scored whole (every row tested, only those it passes scored).
 */
public final class AnnScoring {
    /**
     * Graph settings of the served recommendations' index: threshold 100,000 items, M 16, efConstruction 50 (a quarter
     * of the search indexes' 200: at 230k items it builds in a third of the CPU time of efConstruction 100, 70 s
     * against 216 s, with recall@20 0.989 unfiltered against 0.997, and its CPU cost per item stays flat with size,
     * items^0.97 against items^1.20; see reports/ann-efconstruction-50), ef 800 (a filtered list reads hundreds of
     * candidates, and the lifted vectors' graph needs a wider search than the search indexes' 100 for the same recall:
     * at 1 M items recall@20 was 0.944 unfiltered and 0.926 with half the items listed at ef 400, 0.956 and 0.950 at
     * 600, 0.967 and 0.962 at 800, over one graph, in process, p99 9.7 and 15.1 ms at load 3; see
     * reports/scale-recommendations-ann.md).
     */
    public static final HnswSettings DEFAULT_SETTINGS = new HnswSettings(100_000, 16, 50, 800);
    /** The saved graph's file name in the model's artifact folder. */
    public static final String FILE = "item-embeddings.hnsw";
    /** Depth growth per round when filters or the bound ask for more candidates. */
    static final int GROWTH = 4;
    /**
     * Reached items above 1/this of the catalogue are listed by reading the request's stamps in row order rather than
     * by sorting them.
     */
    static final int STAMP_SCAN_SHARE = 32;
    /** Past n / this many candidates, the exact scan answers. */
    static final int EXACT_FRACTION = 16;
    /**
     * A filter keeping at most 1/this of the items is scored whole over its list instead of searched: at one slot of
     * six the graph's recall@20 fell to 0.82 at 230k items, while lists of this share cost at most a quarter of a full
     * scan (see reports/scale-recommendations-ann.md).
     */
    static final int SELECTIVE_FRACTION = 4;
    private static final Logger LOG = LoggerFactory.getLogger(AnnScoring.class);

    private final ServableModel model;
    private final InnerProductIndex index;
    private final ScoreMoments moments;
    private final WalkMoments knownUserWalk;
    private final WalkMoments foldInWalk;
    /** Item rows by walk prior, highest first (null without a walk). */
    private final int[] byPrior;

    private AnnScoring(ServableModel model, InnerProductIndex index) {
        this.model = model;
        this.index = index;
        ModelArtifact artifact = model.artifact();
        int n = model.numItems();
        this.moments = ScoreMoments.of(artifact.itemEmbeddings(), n, model.dimension());
        ItemNeighbourTable walk = artifact.itemWalk();
        if (walk == null) {
            this.knownUserWalk = null;
            this.foldInWalk = null;
            this.byPrior = null;
        } else {
            this.knownUserWalk = new WalkMoments(walk, artifact.itemEmbeddings(), model.dimension(),
                    model.walkExponent(true), model.walkBudget());
            this.foldInWalk = model.walkExponent(false) == model.walkExponent(true) ? knownUserWalk
                    : new WalkMoments(walk, artifact.itemEmbeddings(), model.dimension(), model.walkExponent(false),
                    model.walkBudget());
            this.byPrior = byPrior(walk.prior());
        }
    }

    /** Over an index already built or loaded for this model's items. */
    public static AnnScoring of(ServableModel model, InnerProductIndex index) {
        return new AnnScoring(model, index);
    }

    /**
     * Loads the graph saved in the model's artifact folder ({@value #FILE}) when it was saved over these items with
     * these settings, else builds it on {@code threads} threads and saves it there (a folder that cannot be written
     * is logged: the graph then lives in memory only).
     */
    public static AnnScoring loadOrBuild(ServableModel model, HnswSettings settings, int threads)
            throws InterruptedException {
        ModelArtifact artifact = model.artifact();
        String[] ids = artifact.itemIds().toArray(String[]::new);
        Path file = artifact.directory() == null ? null : artifact.directory().resolve(FILE);
        Optional<InnerProductIndex> saved = file == null ? Optional.empty()
                : InnerProductIndex.load(file, ids, artifact.itemEmbeddings(), model.dimension(), model::itemRow,
                settings);
        InnerProductIndex index;
        if (saved.isPresent()) {
            index = saved.get();
        } else {
            index = InnerProductIndex.build(ids, artifact.itemEmbeddings(), model.dimension(), model::itemRow,
                    settings, threads);
            if (file != null) {
                try {
                    index.save(file, ids, artifact.itemEmbeddings(), model.dimension());
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Item embedding graph not saved to {} (it is built again at the next start): {}", file,
                            e.toString());
                }
            }
        }
        if (!index.frozen()) {
            LOG.warn("Item embedding graph: hnswlib's links could not be copied; hnswlib searches it");
        }
        return new AnnScoring(model, index);
    }

    public ServableModel model() {
        return model;
    }

    public InnerProductIndex index() {
        return index;
    }

    public ScoreMoments moments() {
        return moments;
    }

    /** The user's served scores, read from candidates (see the class comment). */
    public ServedScores scores(float[] user, Collection<String> liked, boolean knownUser) {
        double weight = model.walkWeight(knownUser);
        int[] walking = weight > 0 ? model.walkingLikes(liked) : new int[0];
        Standardization modelSpread = moments.spread(user);
        if (walking.length == 0) {
            return new UserScores(user, liked, knownUser, modelSpread, null, 0);
        }
        WalkMoments walk = knownUser ? knownUserWalk : foldInWalk;
        return new UserScores(user, liked, knownUser, modelSpread, walk.reached(walking), weight);
    }

    private static int[] byPrior(float[] prior) {
        long[] keys = new long[prior.length];
        for (int row = 0; row < prior.length; row++) {
            // priors are non-negative: their bits order as the values do
            keys[row] = ((long) Float.floatToIntBits(Math.max(0f, prior[row])) << 32) | (Integer.MAX_VALUE - row);
        }
        Arrays.sort(keys);
        int[] rows = new int[prior.length];
        for (int at = 0; at < rows.length; at++) {
            rows[at] = Integer.MAX_VALUE - (int) keys[keys.length - 1 - at];
        }
        return rows;
    }

    /**
     * The walk's per-item scores for one power: the compressed prior of every item (what an item no like reaches
     * scores) with its sum, sum of squares and embedding-weighted sum, so a user's walk spread and its covariance with
     * the model need only the items the likes reach.
     */
    static final class WalkMoments {
        final ItemNeighbourTable table;
        final double exponent;
        final float[] compressedPrior;
        final double sum;
        final double squares;
        /** Σ_j prior_j^p · e_j. */
        final double[] weighted;

        /** Walk entries a user reads at most ({@link ItemNeighbourTable#depth}). */
        final int budget;
        /** Per item, the items whose lookalikes include it (CSR; null without lookalikes). */
        private final int[] lookalikeOfStart;
        private final int[] lookalikeOf;

        WalkMoments(ItemNeighbourTable table, float[] items, int d, double exponent, int budget) {
            this.table = table;
            this.exponent = exponent;
            this.budget = budget;
            int n = table.numItems();
            this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
            if (table.hasLookalikes()) {
                // per reached item, the items that take it as a lookalike
                int[] lookalikeStart = table.lookalikeStart();
                int[] lookalikes = table.lookalikes();
                lookalikeOfStart = new int[n + 1];
                for (int lookalike : lookalikes) {
                    lookalikeOfStart[lookalike + 1]++;
                }
                for (int i = 0; i < n; i++) {
                    lookalikeOfStart[i + 1] += lookalikeOfStart[i];
                }
                lookalikeOf = new int[lookalikes.length];
                int[] fill = Arrays.copyOf(lookalikeOfStart, n);
                for (int item = 0; item < n; item++) {
                    for (int k = lookalikeStart[item]; k < lookalikeStart[item + 1]; k++) {
                        lookalikeOf[fill[lookalikes[k]]++] = item;
                    }
                }
            } else {
                lookalikeOfStart = null;
                lookalikeOf = null;
            }
            compressedPrior = Arrays.copyOf(table.prior(), n);
            ItemNeighbourTable.compress(compressedPrior, 0, n, exponent);
            double s = 0;
            double q = 0;
            weighted = new double[d];
            for (int row = 0; row < n; row++) {
                double w = compressedPrior[row];
                s += w;
                q += w * w;
                int offset = row * d;
                for (int k = 0; k < d; k++) {
                    weighted[k] += w * items[offset + k];
                }
            }
            sum = s;
            squares = q;
        }

        /**
         * Per thread: for each item the request that last touched it and its walk sum, side by side
         * ({@code cells[2·row]}, {@code cells[2·row + 1]} as float bits) so an entry of the walk costs one cache line,
         * and the touched items. A request of a shopper with 2,000 likes read ~400k walk entries at 230k items before
         * the walk had a budget: a map of boxed rows took a third of its 150 ms, two separate arrays a fifth of what
         * remained.
         */
        private final ThreadLocal<Scratch> scratch;

        private static final class Scratch {
            final int[] cells;
            int request;
            int[] touched = new int[1024];

            Scratch(int items) {
                cells = new int[2 * items];
            }
        }

        /** The items the liked rows' walk reaches, with their compressed walk scores (as the exact scan has them). */
        Reached reached(int[] liked) {
            float[] prior = table.prior();
            int[] rowStart = table.rowStart();
            int[] columns = table.columns();
            float[] values = table.values();
            Scratch s = scratch.get();
            int[] cells = s.cells;
            int request = ++s.request;
            if (request == 0) { // wrapped: every stamp could look current
                for (int at = 0; at < cells.length; at += 2) {
                    cells[at] = 0;
                }
                request = s.request = 1;
            }
            int count = 0;
            int depth = table.depth(liked, budget);
            for (int like : liked) {
                int end = table.end(like, depth);
                for (int at = rowStart[like]; at < end; at++) {
                    int column = columns[at];
                    int cell = 2 * column;
                    float sum;
                    if (cells[cell] != request) {
                        cells[cell] = request;
                        sum = prior[column];
                        if (count == s.touched.length) {
                            s.touched = Arrays.copyOf(s.touched, 2 * count);
                        }
                        s.touched[count++] = column;
                    } else {
                        sum = Float.intBitsToFloat(cells[cell + 1]);
                    }
                    // the same float additions, in the same order, as ItemNeighbourTable.score
                    cells[cell + 1] = Float.floatToRawIntBits(sum + 1f * values[at]);
                }
            }
            if (lookalikeOf != null) {
                // the unreached items whose lookalikes the walk reached; the others keep their prior
                int walked = count;
                for (int t = 0; t < walked; t++) {
                    int item = s.touched[t];
                    for (int k = lookalikeOfStart[item]; k < lookalikeOfStart[item + 1]; k++) {
                        int owner = lookalikeOf[k];
                        if (cells[2 * owner] != request) {
                            cells[2 * owner] = request;
                            if (count == s.touched.length) {
                                s.touched = Arrays.copyOf(s.touched, 2 * count);
                            }
                            s.touched[count++] = owner;
                        }
                    }
                }
                int[] lookalikeStart = table.lookalikeStart();
                int[] lookalikes = table.lookalikes();
                for (int t = walked; t < count; t++) {
                    int owner = s.touched[t];
                    // the float operations of ItemNeighbourTable.lookalikeScore, in its order: the exact scan's
                    // scores bit for bit
                    float gain = 0f;
                    for (int k = lookalikeStart[owner]; k < lookalikeStart[owner + 1]; k++) {
                        int lookalike = lookalikes[k];
                        float walkSum = cells[2 * lookalike] == request
                                ? Float.intBitsToFloat(cells[2 * lookalike + 1]) : prior[lookalike];
                        gain += walkSum - prior[lookalike];
                    }
                    float score = prior[owner] + gain / (lookalikeStart[owner + 1] - lookalikeStart[owner]);
                    cells[2 * owner + 1] = Float.floatToRawIntBits(score);
                }
            }
            // ascending rows, so a scan of a posting list meets them in its own order; a shopper with thousands of
            // likes reaches a large share of the items, and reading the stamps in order is then cheaper than a sort
            int items = cells.length / 2;
            int[] rows;
            if ((long) count * STAMP_SCAN_SHARE >= items) {
                rows = new int[count];
                int at = 0;
                for (int row = 0; row < items; row++) {
                    if (cells[2 * row] == request) {
                        rows[at++] = row;
                    }
                }
            } else {
                rows = Arrays.copyOf(s.touched, count);
                Arrays.sort(rows);
            }
            float[] walk = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                walk[i] = Float.intBitsToFloat(cells[2 * rows[i] + 1]);
            }
            ItemNeighbourTable.compress(walk, 0, walk.length, exponent);
            return new Reached(this, rows, walk);
        }
    }

    /** The items a user's likes walk to (ascending rows), and their compressed walk scores. */
    record Reached(WalkMoments moments, int[] rows, float[] walk) {
    }

    /** One user's scores: model (and walk) spreads in closed form, candidates from the index and the walk. */
    private final class UserScores implements ServedScores {
        private final float[] user;
        private final Collection<String> liked;
        private final boolean knownUser;
        private final Standardization modelSpread;
        private final Reached reached;
        private final Standardization walkSpread;
        private final double weight;
        private Standardization spread;
        /** The model's scores of the reached rows, in their order; worked out once, when first needed. */
        private float[] reachedModel;
        /** Candidates the filter passed in the last round of {@link #top}. */
        private int lastPassed;

        UserScores(float[] user, Collection<String> liked, boolean knownUser, Standardization modelSpread,
                   Reached reached, double weight) {
            this.user = user;
            this.liked = liked;
            this.knownUser = knownUser;
            this.modelSpread = modelSpread;
            this.reached = reached;
            this.weight = weight;
            if (reached == null) {
                walkSpread = null;
            } else {
                WalkMoments m = reached.moments();
                double sum = m.sum;
                double squares = m.squares;
                for (int i = 0; i < reached.rows().length; i++) {
                    double prior = m.compressedPrior[reached.rows()[i]];
                    double walk = reached.walk()[i];
                    sum += walk - prior;
                    squares += walk * walk - prior * prior;
                }
                walkSpread = Standardization.of(sum, squares, model.numItems());
            }
        }

        private double modelScore(int row) {
            return Vectors.dot(model.artifact().itemEmbeddings(), row * model.dimension(), user, model.dimension());
        }

        private float[] reachedModel() {
            if (reachedModel == null) {
                int[] rows = reached.rows();
                float[] scores = new float[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    scores[i] = (float) modelScore(rows[i]);
                }
                reachedModel = scores;
            }
            return reachedModel;
        }

        private double walkScore(int row) {
            int at = Arrays.binarySearch(reached.rows(), row);
            return at >= 0 ? reached.walk()[at] : reached.moments().compressedPrior[row];
        }

        @Override
        public double score(int row) {
            double m = modelScore(row);
            if (reached == null) {
                return (float) m;
            }
            return blended(m, walkScore(row));
        }

        /** The served score of a row from its model score and its (compressed) walk score. */
        private float blended(double model, double walk) {
            return (float) (modelSpread.apply(model) + weight * walkSpread.apply(walk));
        }

        /** The blend's spread: 0 mean, variance of z_model + w·z_walk from the closed-form covariance. */
        @Override
        public Standardization spread() {
            if (spread != null) {
                return spread;
            }
            if (reached == null) {
                spread = modelSpread;
                return spread;
            }
            int n = model.numItems();
            int d = model.dimension();
            WalkMoments m = reached.moments();
            double cross = 0;
            for (int k = 0; k < d; k++) {
                cross += user[k] * m.weighted[k];
            }
            // the model's float scores, as the scan computes them, of the rows whose walk differs from the prior
            float[] scores = reachedModel();
            for (int i = 0; i < reached.rows().length; i++) {
                int row = reached.rows()[i];
                cross += (reached.walk()[i] - (double) m.compressedPrior[row]) * scores[i];
            }
            double modelVariance = moments.variance(user);
            double walkVariance = Math.max(0, walkSquares() / n - walkSpread.mean() * walkSpread.mean());
            double covariance = cross / n - modelSpread.mean() * walkSpread.mean();
            double dm = modelSpread.deviation();
            double dw = walkSpread.deviation();
            double variance = modelVariance / (dm * dm) + weight * weight * walkVariance / (dw * dw)
                    + 2 * weight * covariance / (dm * dw);
            // both sides are centred on their own means, so the blend's mean over the items is 0
            spread = ScoreMoments.spread(0, Math.max(0, variance));
            return spread;
        }

        private double walkSquares() {
            WalkMoments m = reached.moments();
            double squares = m.squares;
            for (int i = 0; i < reached.rows().length; i++) {
                double prior = m.compressedPrior[reached.rows()[i]];
                double walk = reached.walk()[i];
                squares += walk * walk - prior * prior;
            }
            return squares;
        }

        @Override
        public boolean approximate() {
            return true;
        }

        @Override
        public int[] top(int k, IntPredicate wanted) {
            return top(k, wanted, null);
        }

        @Override
        public int[] top(int k, IntPredicate wanted, int[] among) {
            int n = model.numItems();
            if (k <= 0) {
                return new int[0];
            }
            if (among != null && (long) among.length * SELECTIVE_FRACTION <= n) {
                return scan(k, wanted, among);
            }
            int depth = Math.min(n, Math.max(index.settings().ef(), 4 * k));
            if (among != null) {
                // a listed filter keeps among.length of the n items: search deep enough that about max(ef, 4k) of the
                // candidates pass it (at 1 M items and half the items listed, recall@20 was 0.88 at depth 400)
                depth = (int) Math.min(n, (long) depth * n / Math.max(1, among.length));
            }
            boolean first = true;
            while (true) {
                int[] nearest = index.nearestRows(user, depth);
                int[] candidates = candidates(nearest, depth);
                int[] best = best(candidates, nearest, k, wanted);
                boolean everything = nearest.length >= n;
                if (first && !everything && (long) lastPassed * SELECTIVE_FRACTION < nearest.length) {
                    // a selective filter the caller had no list for: the graph's far results would decide the list
                    return scan(k, wanted, among);
                }
                first = false;
                if (everything || best.length == k && score(best[k - 1]) >= bound(nearest, depth)) {
                    return best;
                }
                if ((long) depth * GROWTH > n / EXACT_FRACTION) {
                    return ExactScores.of(model, user, liked, knownUser).top(k, wanted);
                }
                // filters that passed few candidates ask for as many more as it takes to pass about 2k
                int passed = Math.max(1, lastPassed);
                long wantedDepth = (long) depth * Math.max(GROWTH, (2L * k + passed - 1) / passed);
                depth = (int) Math.min(wantedDepth, n);
            }
        }

        /**
         * The k best of the rows {@code wanted} accepts among {@code among} (ascending; null: every row), each scored
         * as {@link #score} does; a row is tested only once its score would enter the list.
         */
        private int[] scan(int k, IntPredicate wanted, int[] among) {
            return bestOf(among, among == null ? model.numItems() : among.length, k, wanted);
        }

        /**
         * The k best that {@code wanted} accepts of {@code count} rows in ascending order ({@code rows[i]}, or i when
         * {@code rows} is null), best first (ties: lower row first), each scored as {@link #score} does, a reached
         * row from its model score worked out once where {@link #reachedModel} has been. A row is tested only once its
         * score would enter the list, so a shopper whose walk reaches a hundred thousand rows pays for a hundred
         * thousand scores but few filter tests; {@link #lastPassed} counts the rows tested and accepted.
         */
        private int[] bestOf(int[] rows, int count, int k, IntPredicate wanted) {
            float[] items = model.artifact().itemEmbeddings();
            int d = model.dimension();
            int[] reachedRows = reached == null ? new int[0] : reached.rows();
            float[] reachedWalk = reached == null ? null : reached.walk();
            float[] reachedScores = reachedModel;
            float[] prior = reached == null ? null : reached.moments().compressedPrior;
            TopK best = new TopK(k);
            int next = 0;
            int passed = 0;
            for (int i = 0; i < count; i++) {
                int row = rows == null ? i : rows[i];
                float score;
                if (reached == null) {
                    score = Vectors.dot(items, row * d, user, d);
                } else {
                    while (next < reachedRows.length && reachedRows[next] < row) {
                        next++;
                    }
                    boolean walked = next < reachedRows.length && reachedRows[next] == row;
                    double m = walked && reachedScores != null ? reachedScores[next]
                            : Vectors.dot(items, row * d, user, d);
                    score = blended(m, walked ? reachedWalk[next] : prior[row]);
                }
                // rows come in ascending order: an equal score never displaces a lower row already held
                if (best.size() == k && score <= best.threshold() || !wanted.test(row)) {
                    continue;
                }
                passed++;
                best.offer(row, score);
            }
            lastPassed = passed;
            return best.drain().rows();
        }

        /**
         * The rows to score, ascending and distinct: the index's nearest (in row order), every row the likes' walk
         * reaches (already ascending) and the {@code depth} rows of highest walk prior. The short lists are sorted, then
         * merged with the reached rows, which can be a large share of the catalogue for a shopper with thousands of
         * likes.
         */
        private int[] candidates(int[] nearest, int depth) {
            if (reached == null) {
                int[] sorted = nearest.clone();
                Arrays.sort(sorted);
                return sorted;
            }
            int priors = Math.min(depth, byPrior.length);
            int[] few = new int[nearest.length + priors];
            System.arraycopy(nearest, 0, few, 0, nearest.length);
            System.arraycopy(byPrior, 0, few, nearest.length, priors);
            Arrays.sort(few);
            int[] many = reached.rows();
            int[] all = new int[few.length + many.length];
            int count = 0;
            int a = 0;
            int b = 0;
            while (a < few.length || b < many.length) {
                int next = b == many.length || a < few.length && few[a] <= many[b] ? few[a++] : many[b++];
                if (count == 0 || all[count - 1] != next) {
                    all[count++] = next;
                }
            }
            return Arrays.copyOf(all, count);
        }

        /** The best score an item outside the candidates can have (the index taken as exact). */
        private double bound(int[] nearest, int depth) {
            if (nearest.length == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double m = modelScore(nearest[nearest.length - 1]);
            if (reached == null) {
                return m;
            }
            double prior = reached.moments().compressedPrior[byPrior[Math.min(depth, byPrior.length) - 1]];
            return modelSpread.apply(m) + weight * walkSpread.apply(prior);
        }

        /**
         * The k best candidates (ascending rows) that {@code wanted} accepts ({@link #bestOf}, the reached rows' model
         * scores worked out first); {@link #lastPassed} then counts the index's nearest rows the filter accepts, the
         * share the rounds of {@link #top} go by.
         */
        private int[] best(int[] candidates, int[] nearest, int k, IntPredicate wanted) {
            if (reached != null) {
                reachedModel();
            }
            int[] found = bestOf(candidates, candidates.length, k, wanted);
            int passed = 0;
            for (int row : nearest) {
                if (wanted.test(row)) {
                    passed++;
                }
            }
            lastPassed = passed;
            return found;
        }
    }
}
