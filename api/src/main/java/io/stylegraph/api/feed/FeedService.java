package io.stylegraph.api.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Value;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.feedback.FeedbackLog;
import io.stylegraph.api.infra.GraphCircuit;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.FeedbackProjection;
import io.stylegraph.training.model.FeedOrder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The swipe feed: items the user has not rated yet, in their {@link FeedOrder}. */
@Singleton
public class FeedService {
    private static final Logger LOG = LoggerFactory.getLogger(FeedService.class);

    private final CatalogueCache catalogue;
    private final FeedbackLog log;
    private final FeedbackProjection graph;
    private final GraphCircuit circuit;
    private final double popularShare;

    public FeedService(CatalogueCache catalogue, FeedbackLog log, FeedbackProjection graph, GraphCircuit circuit,
                       @Value("${stylegraph.feed.popular-share:0.5}") double popularShare) {
        this.catalogue = catalogue;
        this.log = log;
        this.graph = graph;
        this.circuit = circuit;
        this.popularShare = popularShare;
    }

    public FeedPage feed(String userId, int limit, String cursor, Slot slot) {
        int start = parseCursor(cursor);
        CatalogueSnapshot snapshot = catalogue.snapshot();
        Set<String> rated = ratedBy(userId);
        int[] order = FeedOrder.forUser(userId, snapshot.byPopularity(), index -> snapshot.get(index).item().slot(),
                popularShare);
        List<ItemView> items = new ArrayList<>(limit);
        int position = start;
        while (position < order.length && items.size() < limit) {
            var item = snapshot.get(order[position++]);
            if (!rated.contains(item.item().id()) && (slot == null || item.item().slot() == slot)) {
                items.add(ItemView.of(item));
            }
        }
        String next = position < order.length ? Integer.toString(position) : null;
        return new FeedPage(userId, items, next);
    }

    /** What the log says the user rated, plus imported history from the graph when the graph answers. */
    private Set<String> ratedBy(String userId) {
        Set<String> rated = new HashSet<>();
        log.currentOpinions(userId, Integer.MAX_VALUE, 0).forEach(event -> rated.add(event.targetId()));
        if (!circuit.allowsCalls()) {
            return rated;
        }
        try {
            graph.ensureUser(userId);
            rated.addAll(graph.ratedTargetIds(userId));
            circuit.recordSuccess();
        } catch (RuntimeException e) {
            circuit.recordFailure();
            LOG.debug("Feed for {} built without graph history: {}", userId, e.getMessage());
        }
        return rated;
    }

    private static int parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(cursor);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-field", "cursor", "cursor must be a value returned as nextCursor");
        }
    }
}
