package io.stylegraph.api.analytics;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.ScreenedInput;
import io.stylegraph.api.security.Roles;
import io.stylegraph.graph.analytics.CategoryPair;
import io.stylegraph.graph.analytics.CypherResult;
import io.stylegraph.graph.analytics.ItemNeighbourhood;
import io.stylegraph.graph.analytics.ReadOnlyCypher;
import io.stylegraph.graph.analytics.StyleGraphAnalytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Read-only access to the style graph for analysts: one Cypher query at a time, and the common questions answered
 * without writing Cypher. Nothing here can change the graph. See docs/analysts.md.
 */
@Validated
@ScreenedInput
@Controller("/v1/analytics")
@Secured({Roles.ANALYST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
public class AnalyticsController {
    private final ReadOnlyCypher cypher;
    private final StyleGraphAnalytics analytics;
    private final RecommendationCoverage coverage;
    private final AnalyticsCalls calls;
    private final AnalyticsConfiguration config;

    public AnalyticsController(ReadOnlyCypher cypher, StyleGraphAnalytics analytics, RecommendationCoverage coverage,
                               AnalyticsCalls calls, AnalyticsConfiguration config) {
        this.cypher = cypher;
        this.analytics = analytics;
        this.coverage = coverage;
        this.calls = calls;
        this.config = config;
    }

    @Operation(summary = "Run one read-only Cypher query", description = """
            Neo4j plans the query first (EXPLAIN) and anything that is not read-only is refused without running: \
            403 `cypher-write-rejected` for CREATE, MERGE, SET, DELETE, schema and administration commands and \
            procedures that write; 403 `cypher-admin-rejected` for SHOW TRANSACTIONS, TERMINATE TRANSACTIONS, SHOW \
            SETTINGS and other show commands but indexes, constraints, procedures and functions; 403 \
            `cypher-forbidden` for LOAD CSV. The query then runs once (never retried) in a read transaction \
            limited to `stylegraph.analytics.cypher-timeout` (408 `cypher-timeout` when it runs over) and to the \
            transaction memory limit (422 `cypher-memory-limit`), and at most \
            `maxRows` rows (default and cap `stylegraph.analytics.max-rows`) come back; `truncated` says when more \
            were left out. Neo4j's message is passed on for `cypher-syntax`, `cypher-parameter` (field `params`) and \
            `cypher-failed` (400). Values: nodes `{id, labels, properties}`, relationships \
            `{id, type, start, end, properties}`, paths `{nodes, relationships}`, temporal values ISO-8601 strings; \
            long vectors inside properties (Item.visual, text, embedding) as `{vector: true, dimension}`.""")
    @Post("/cypher")
    public CypherResponse cypher(@Body @Valid CypherRequest request) {
        int cap = config.getMaxRows();
        if (request.maxRows() != null && request.maxRows() > cap) {
            throw ProblemException.badRequest("invalid-field", "maxRows", "maxRows may be at most " + cap);
        }
        int maxRows = request.maxRows() == null ? cap : request.maxRows();
        long started = System.nanoTime();
        CypherResult result = calls.run(() -> cypher.run(request.query(), request.params(), maxRows,
                config.getCypherTimeout()));
        return new CypherResponse(result.columns(), result.rows(), result.rows().size(), result.truncated(), maxRows,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Operation(summary = "Item pairs liked by the most users in common")
    @Get("/co-liked-pairs")
    public AnalyticsViews.CoLikedPairs coLikedPairs(
            @Parameter(description = "How many pairs, 1-1000") @QueryValue(defaultValue = "20") @Min(1) @Max(1000)
            int limit) {
        return new AnalyticsViews.CoLikedPairs(calls.run(() -> analytics.coLikedPairs(limit)));
    }

    @Operation(summary = "Category pair matrix: pairs worn together in stored outfits and the learned PAIRS_WITH "
            + "edges between their items with their mean score", description = """
            Sparse: one entry per category pair with any evidence, names in alphabetical order (a category with \
            itself when an outfit holds two of its items), the `limit` with the most evidence (item pairs in \
            outfits plus learned pairs) first. `categories` lists the names that occur.""")
    @Get("/category-pairs")
    public AnalyticsViews.CategoryPairs categoryPairs(
            @Parameter(description = "How many pairs, 1-10000") @QueryValue(defaultValue = "500") @Min(1)
            @Max(10_000) int limit) {
        List<CategoryPair> pairs = calls.run(() -> analytics.categoryPairs(limit));
        TreeSet<String> categories = new TreeSet<>();
        pairs.forEach(pair -> {
            categories.add(pair.first());
            categories.add(pair.second());
        });
        return new AnalyticsViews.CategoryPairs(List.copyOf(categories), pairs);
    }

    @Operation(summary = "Likes, dislikes and the share of likes per category, most opinions first")
    @Get("/category-opinions")
    public AnalyticsViews.CategoryOpinionList categoryOpinions() {
        return new AnalyticsViews.CategoryOpinionList(calls.run(analytics::categoryOpinions));
    }

    @Operation(summary = "Share of the catalogue in the active recommender's top-k for a sample of its users",
            description = "409 `no-active-model` when no recommender is active.")
    @Get("/recommendation-coverage")
    public RecommendationCoverage.Coverage recommendationCoverage(
            @Parameter(description = "List length per user, 1-200") @QueryValue(defaultValue = "10") @Min(1)
            @Max(200) int k,
            @Parameter(description = "How many of the model's users to sample, 1-5000")
            @QueryValue(defaultValue = "200") @Min(1) @Max(5000) int users,
            @Parameter(description = "Seed of the sample; the same seed samples the same users")
            @QueryValue(defaultValue = "0") long seed) {
        return coverage.measure(k, users, seed);
    }

    @Operation(summary = "The style neighbourhood of an item: similar items, what it pairs with, what the same users "
            + "like, what it shares outfits with")
    @Get("/items/{itemId}/neighbourhood")
    public ItemNeighbourhood neighbourhood(
            @PathVariable String itemId,
            @Parameter(description = "Items per list, 1-100") @QueryValue(defaultValue = "10") @Min(1) @Max(100)
            int limit) {
        return calls.run(() -> analytics.neighbourhood(itemId, limit)).orElseThrow(() -> ProblemException.notFound(
                "unknown-item", "itemId", "No item with id " + itemId));
    }
}
