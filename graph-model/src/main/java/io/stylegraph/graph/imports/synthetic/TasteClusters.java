package io.stylegraph.graph.imports.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * The taste clusters of the synthetic catalogue: one per (category, gender, style), weighted by how common the
 * category is and falling with the style; which items each holds once they are assigned; and the draws of a user's
 * clusters and of the items they like, dislike or wear together.
 */
final class TasteClusters {
    static final int STYLES_PER_CATEGORY = 3;
    private static final double IN_CLUSTER_SHARE = 0.85;

    record Category(String name, Slot slot, double weight, List<Gender> genders) {
    }

    static final List<Category> CATEGORIES = List.of(
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
    record Cluster(int category, Gender gender, int style, double weight) {
    }

    private final List<Cluster> clusters = new ArrayList<>();
    /** Item indexes of each cluster, in file order (so earlier means more popular). */
    private int[][] clusterItems;
    private int[] clusterOfItem;

    TasteClusters() {
        for (int c = 0; c < CATEGORIES.size(); c++) {
            Category category = CATEGORIES.get(c);
            for (Gender gender : category.genders()) {
                for (int style = 0; style < STYLES_PER_CATEGORY; style++) {
                    clusters.add(new Cluster(c, gender, style,
                            category.weight() / category.genders().size() * (1.0 - 0.25 * style)));
                }
            }
        }
    }

    int size() {
        return clusters.size();
    }

    Cluster get(int cluster) {
        return clusters.get(cluster);
    }

    double[] weights() {
        return clusters.stream().mapToDouble(Cluster::weight).toArray();
    }

    /** Records each item's cluster ({@code clusterOfItem[item]}), items in file order. */
    void assign(int[] clusterOfItem) {
        this.clusterOfItem = clusterOfItem;
        int[] sizes = new int[clusters.size()];
        for (int c : clusterOfItem) {
            sizes[c]++;
        }
        clusterItems = new int[clusters.size()][];
        for (int c = 0; c < sizes.length; c++) {
            clusterItems[c] = new int[sizes[c]];
        }
        int[] filled = new int[clusters.size()];
        for (int i = 0; i < clusterOfItem.length; i++) {
            int c = clusterOfItem[i];
            clusterItems[c][filled[c]++] = i;
        }
    }

    /** One or two clusters of the user's gender or unisex, drawn by cluster weight; only non-empty ones. */
    int[] tasteOf(Gender gender, SplittableRandom random) {
        double[] weights = new double[clusters.size()];
        for (int c = 0; c < weights.length; c++) {
            Gender g = clusters.get(c).gender();
            weights[c] = (g == gender || g == Gender.UNISEX) && clusterItems[c].length > 0 ? clusters.get(c).weight() : 0;
        }
        double[] cumulative = Draws.cumulativeWeights(weights);
        if (cumulative[cumulative.length - 1] == 0) {
            return new int[0];
        }
        int first = Draws.pick(cumulative, random.nextDouble());
        if (random.nextDouble() < 0.5) {
            return new int[] {first};
        }
        int second = Draws.pick(cumulative, random.nextDouble());
        return second == first ? new int[] {first} : new int[] {first, second};
    }

    /** A popular item (by power-law rank) of a cluster of this slot, gender and style; -1 when there is none. */
    int popularItemIn(Slot slot, Gender gender, int style, SplittableRandom random) {
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
        return members[Draws.zipfRank(members.length, random)];
    }

    /** An item for a like: mostly a popular one of the user's clusters, else a popular one anywhere. */
    int likedItem(int[] taste, int items, SplittableRandom random, int seenSoFar) {
        // a user who has seen much of their clusters turns to the whole catalogue, so each draw can still succeed
        int tasteSize = 0;
        for (int c : taste) {
            tasteSize += clusterItems[c].length;
        }
        if (taste.length > 0 && seenSoFar < tasteSize / 2 && random.nextDouble() < IN_CLUSTER_SHARE) {
            int[] members = clusterItems[taste[random.nextInt(taste.length)]];
            return members[Draws.zipfRank(members.length, random)];
        }
        return Draws.zipfRank(items, random);
    }

    /** An item for a dislike: a popular or random one outside the user's clusters (after 50 tries, any). */
    int dislikedItem(int[] taste, int items, SplittableRandom random) {
        int item = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            item = random.nextInt(4) == 0 ? random.nextInt(items) : Draws.zipfRank(items, random);
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
}
