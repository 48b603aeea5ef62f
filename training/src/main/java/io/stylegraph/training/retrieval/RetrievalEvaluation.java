package io.stylegraph.training.retrieval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.training.model.ContentProfile;
import io.stylegraph.training.search.ContentSearch;
import io.stylegraph.training.search.Reranking;
import io.stylegraph.training.search.SearchModality;
import io.stylegraph.training.search.SearchSettings;
import io.stylegraph.training.search.SimilaritySearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures retrieval over an embedded catalogue with the search the service runs ({@link SimilaritySearch},
 * {@link ContentSearch}) under given settings: precision@k of "similar items" sharing the query's article type, base
 * colour, or both; query latency; and how an HNSW graph compares with the exact scan ({@link HnswComparison}).
 */
public final class RetrievalEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(RetrievalEvaluation.class);

    private final EmbeddedCatalogue catalogue;
    private final LazyEncoders encoders;
    private final ItemEmbedder embedder;
    private final SearchSettings config;
    private final Map<String, Item> byId = new HashMap<>();
    private final Map<Modality, VectorIndex> indexes = new HashMap<>();
    private final HnswComparison comparison;
    private final SimilaritySearch service;
    private final ContentSearch content;
    private final long seed;

    public RetrievalEvaluation(EmbeddedCatalogue catalogue, LazyEncoders encoders, ItemEmbedder embedder,
                               SearchSettings config, long seed) {
        this.catalogue = catalogue;
        this.encoders = encoders;
        this.embedder = embedder;
        this.config = config;
        this.seed = seed;
        catalogue.items().forEach(item -> byId.put(item.id(), item));
        this.comparison = new HnswComparison(catalogue, modality -> modality == Modality.VISUAL
                ? encoders.image().modelId() : encoders.text().modelId(), config.dba());
        for (Modality modality : Modality.values()) {
            indexes.put(modality, comparison.index(modality, config.hnsw()));
        }
        this.service = new SimilaritySearch(modality -> Optional.ofNullable(indexes.get(modality)), encoders,
                config);
        this.content = new ContentSearch(modality -> Optional.ofNullable(indexes.get(modality)), config, 0.5,
                1000);
    }

    /** Items with both vectors and both labels, in a seeded random order. */
    public List<Item> queryItems(int count) {
        List<Item> eligible = new ArrayList<>();
        for (Item item : catalogue.items()) {
            if (item.category() != null && item.colour() != null && indexes.get(Modality.VISUAL).contains(item.id())
                    && indexes.get(Modality.TEXT).contains(item.id())) {
                eligible.add(item);
            }
        }
        Collections.shuffle(eligible, new Random(seed));
        return eligible.subList(0, Math.min(count, eligible.size()));
    }

    public List<PrecisionRow> precision(List<Item> queries, int k) {
        List<PrecisionRow> rows = new ArrayList<>();
        for (SearchModality modality : SearchModality.values()) {
            for (Reranking reranking : List.of(Reranking.NONE, new Reranking(true, false), new Reranking(false, true),
                    new Reranking(true, true))) {
                long started = System.nanoTime();
                double[] hits = new double[3];
                for (Item query : queries) {
                    count(query, service.similar(query.id(), modality, SearchFilter.NONE, k, reranking), hits);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                PrecisionRow row = new PrecisionRow(modality.wireName(), reranking.aqe(), reranking.dba(),
                        queries.size(), hits[0] / (queries.size() * (double) k), hits[1] / (queries.size() * (double) k),
                        hits[2] / (queries.size() * (double) k), seconds / queries.size());
                LOG.info(String.format(Locale.ROOT, "precision@%d %s%s%s: type %.3f, colour %.3f, both %.3f (%.0f s)",
                        k, row.modality(), row.aqe() ? " +AQE" : "", row.dba() ? " +DBA" : "", row.articleType(),
                        row.baseColour(), row.both(), seconds));
                rows.add(row);
            }
        }
        rows.add(randomBaseline(queries));
        return rows;
    }

    private void count(Item query, List<ScoredItem> results, double[] hits) {
        for (ScoredItem result : results) {
            Item found = byId.get(result.itemId());
            boolean type = same(found.category(), query.category());
            boolean colour = same(found.colour(), query.colour());
            hits[0] += type ? 1 : 0;
            hits[1] += colour ? 1 : 0;
            hits[2] += type && colour ? 1 : 0;
        }
    }

    /** The precision a uniformly random pick of other items has in expectation: exact, not sampled. */
    private PrecisionRow randomBaseline(List<Item> queries) {
        Map<String, Integer> types = new HashMap<>();
        Map<String, Integer> colours = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        int population = 0;
        for (Item item : catalogue.items()) {
            if (!indexes.get(Modality.VISUAL).contains(item.id())
                    && !indexes.get(Modality.TEXT).contains(item.id())) {
                continue;
            }
            population++;
            types.merge(key(item.category()), 1, Integer::sum);
            colours.merge(key(item.colour()), 1, Integer::sum);
            both.merge(key(item.category()) + "|" + key(item.colour()), 1, Integer::sum);
        }
        double[] sums = new double[3];
        for (Item query : queries) {
            sums[0] += (types.get(key(query.category())) - 1) / (double) (population - 1);
            sums[1] += (colours.get(key(query.colour())) - 1) / (double) (population - 1);
            sums[2] += (both.get(key(query.category()) + "|" + key(query.colour())) - 1) / (double) (population - 1);
        }
        return new PrecisionRow("random", false, false, queries.size(), sums[0] / queries.size(),
                sums[1] / queries.size(), sums[2] / queries.size(), 0);
    }

    public List<LatencyRow> latencies(List<Item> queries, int k) {
        List<LatencyRow> rows = new ArrayList<>();
        rows.add(time("similar (hybrid)", queries, item -> service.similar(item.id(), SearchModality.HYBRID,
                SearchFilter.NONE, k, Reranking.NONE)));
        rows.add(time("similar (visual)", queries, item -> service.similar(item.id(), SearchModality.VISUAL,
                SearchFilter.NONE, k, Reranking.NONE)));
        rows.add(time("similar (text)", queries, item -> service.similar(item.id(), SearchModality.TEXT,
                SearchFilter.NONE, k, Reranking.NONE)));
        rows.add(time("similar (hybrid, slot + gender filter)", queries, item -> service.similar(item.id(),
                SearchModality.HYBRID, new SearchFilter(item.slot(), item.gender(), null), k, Reranking.NONE)));
        rows.add(time("similar (hybrid, AQE + DBA)", queries, item -> service.similar(item.id(),
                SearchModality.HYBRID, SearchFilter.NONE, k, new Reranking(true, true))));
        Map<String, Map<String, Signal>> shoppers = shoppers(queries);
        rows.add(time("recommendations, content path (3 likes of one group, 1 dislike; reasons)", queries,
                item -> contentPath(shoppers.get(item.id()), k)));
        rows.add(time("search (words: an item's title, encoded per query)", queries, item -> service.byText(
                Objects.requireNonNullElse(item.title(), item.category()), SearchFilter.NONE, k, Reranking.NONE)));
        rows.add(time("search/image (an item's photo, decoded and encoded per query)", queries, item -> {
            BufferedImage image = embedder.readImage(item.image());
            return image == null ? List.of() : service.byImage(image, null, SearchFilter.NONE, k, Reranking.NONE);
        }));
        return rows;
    }

    /**
     * A shopper per query item for the content path: the item and two more of its (article type, colour, gender)
     * where the catalogue has them, liked, and one item of another article type disliked; drawn with the seed.
     */
    private Map<String, Map<String, Signal>> shoppers(List<Item> queries) {
        Map<String, List<Item>> groups = new HashMap<>();
        for (Item item : catalogue.items()) {
            if (item.category() != null && indexes.get(Modality.TEXT).contains(item.id())) {
                groups.computeIfAbsent(group(item), g -> new ArrayList<>()).add(item);
            }
        }
        Random random = new Random(seed + 1);
        List<Item> all = catalogue.items();
        Map<String, Map<String, Signal>> shoppers = new HashMap<>();
        for (Item query : queries) {
            Map<String, Signal> rated = new java.util.LinkedHashMap<>();
            rated.put(query.id(), Signal.LIKE);
            List<Item> group = groups.getOrDefault(group(query), List.of());
            for (int tries = 0; rated.size() < Math.min(3, group.size()) && tries < 20; tries++) {
                rated.putIfAbsent(group.get(random.nextInt(group.size())).id(), Signal.LIKE);
            }
            for (int tries = 0; tries < 20; tries++) {
                Item other = all.get(random.nextInt(all.size()));
                if (!same(other.category(), query.category())) {
                    rated.put(other.id(), Signal.DISLIKE);
                    break;
                }
            }
            shoppers.put(query.id(), rated);
        }
        return shoppers;
    }

    private static String group(Item item) {
        return item.category() + "|" + item.colour() + "|" + item.gender();
    }

    /** What the content path does for a request: profile, nearest candidates, the closest like of each result. */
    private List<ScoredItem> contentPath(Map<String, Signal> rated, int k) {
        Optional<ContentProfile> profile = content.profile(rated);
        if (profile.isEmpty()) {
            return List.of();
        }
        List<ScoredItem> found = content.candidates(profile.get(), null, k + rated.size());
        List<ScoredItem> kept = new ArrayList<>(k);
        for (ScoredItem candidate : found) {
            if (!rated.containsKey(candidate.itemId()) && kept.size() < k) {
                profile.get().closestLiked(candidate.itemId());
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static LatencyRow time(String name, List<Item> queries, Function<Item, List<ScoredItem>> query) {
        return LatencyRow.measure(name, queries, query);
    }

    /** Builds each modality's index as an HNSW graph and compares it with the exact scan on the same queries. */
    public List<HnswRow> hnsw(List<Item> queries, int k) {
        return comparison.compare(indexes, config.hnsw(), queries, k);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    private static String key(String label) {
        return label == null ? "" : label.toLowerCase(Locale.ROOT);
    }
}
