package io.stylegraph.graph.imports.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The synthetic users' likes and dislikes: each user's like count from {@link LikeCounts}, a tenth as many dislikes,
 * items drawn from the user's taste clusters ({@link TasteClusters}), written user by user as a timeline of a year
 * from {@link #EPOCH}, minutes to days apart.
 */
final class InteractionHistory {
    private static final double DISLIKE_SHARE = 0.1;
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final SyntheticCatalogue.Settings settings;
    private final SyntheticCatalogue.Progress progress;
    private final TasteClusters taste;

    InteractionHistory(SyntheticCatalogue.Settings settings, SyntheticCatalogue.Progress progress,
                       TasteClusters taste) {
        this.settings = settings;
        this.progress = progress;
        this.taste = taste;
    }

    /** Writes every user's likes and dislikes, user by user; answers {likes, dislikes}. */
    long[] write(Path file, int[][] tasteClusters) throws IOException {
        int[] likesPerUser = LikeCounts.perUser((int) settings.users(), settings.items(), settings.likes());
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
                int[] userTaste = tasteClusters[u];
                int liked = 0;
                int disliked = 0;
                int misses = 0;
                while (liked < wanted || disliked < wantedDislikes) {
                    boolean like = disliked >= wantedDislikes
                            || (liked < wanted && random.nextInt(wanted + wantedDislikes) < wanted);
                    // a user who has seen most of what the draws favour gets a uniform draw: at most 55 % of the
                    // catalogue is ever taken, so it succeeds often
                    int item = misses > 50 ? random.nextInt(items)
                            : like ? taste.likedItem(userTaste, items, random, seen.size())
                            : taste.dislikedItem(userTaste, items, random);
                    if (!seen.add(item)) {
                        misses++;
                        continue;
                    }
                    misses = 0;
                    at += 60 + random.nextInt(3 * 24 * 3600);
                    JsonGenerator row = out.generator();
                    row.writeStartObject();
                    row.writeStringField("user_id", SyntheticCatalogue.userId(u));
                    row.writeStringField("item_id", SyntheticCatalogue.itemId(item));
                    row.writeStringField("signal", like ? "like" : "dislike");
                    row.writeStringField("time", Instant.ofEpochSecond(at).toString());
                    row.writeEndObject();
                    out.endLine();
                    if (like) {
                        liked++;
                        if (++likes % SyntheticCatalogue.REPORT_EVERY == 0) {
                            progress.report("likes", likes, settings.likes());
                        }
                    } else {
                        disliked++;
                    }
                }
                dislikes += disliked;
            }
        }
        if (likes % SyntheticCatalogue.REPORT_EVERY != 0 || likes == 0) {
            progress.report("likes", likes, settings.likes());
        }
        return new long[] {likes, dislikes};
    }
}
