package io.stylegraph.api.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * The swipe feed: items the user has not rated yet, in their {@link FeedOrder}.
 *
 * <p>Cursors are stable: a cursor ({@code <catalogue version>.<position>}) names the catalogue version its page was
 * cut from, and the next page continues that version's order, so likes and items that arrive meanwhile (which move
 * items up the popularity ranking and reshuffle the order of the catalogue that has them) do not repeat or skip cards.
 * The same cursor gives the same page again, less the cards the shopper has rated since and items no longer in the
 * catalogue. New items reach the shopper in the next feed started without a cursor. The version is a hash of the
 * catalogue's order inputs (ids, slots, popularity ranking), the same in every replica that holds the same catalogue;
 * a replica keeps the last {@value #VERSIONS_KEPT} versions it served feeds from. A cursor whose version is not among
 * them (a restarted replica, or a very old cursor) continues at its position in the current order: no rated card
 * comes back, but an unrated card may repeat or be passed over.
 */
@Singleton
public class FeedService {
    private static final Logger LOG = LoggerFactory.getLogger(FeedService.class);
    static final int VERSIONS_KEPT = 16;
    private static final Pattern CURSOR = Pattern.compile("(?:([0-9a-f]{24})\\.)?([0-9]{1,9})");

    /** What the feed order of one catalogue version is made of: ids by index, their slots, the popularity ranking. */
    private record FeedBasis(String version, String[] ids, Slot[] slots, int[] popular) {
        static FeedBasis of(CatalogueSnapshot snapshot) {
            int n = snapshot.size();
            String[] ids = new String[n];
            Slot[] slots = new Slot[n];
            for (int i = 0; i < n; i++) {
                ids[i] = snapshot.get(i).item().id();
                slots[i] = snapshot.get(i).item().slot();
            }
            int[] popular = snapshot.byPopularity();
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (int index : popular) {
                    digest.update(ids[index].getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update((byte) slots[index].ordinal());
                }
                return new FeedBasis(HexFormat.of().formatHex(digest.digest(), 0, 12), ids, slots, popular);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    private final Map<String, FeedBasis> versions = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FeedBasis> eldest) {
            return size() > VERSIONS_KEPT;
        }
    };
    private CatalogueSnapshot basisSnapshot;
    private FeedBasis currentBasis;

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
        CatalogueSnapshot snapshot = catalogue.snapshot();
        FeedBasis current = basisOf(snapshot);
        FeedBasis basis = current;
        int position = 0;
        if (cursor != null && !cursor.isBlank()) {
            Matcher parsed = CURSOR.matcher(cursor);
            if (!parsed.matches()) {
                throw ProblemException.badRequest("invalid-field", "cursor",
                        "cursor must be a value returned as nextCursor");
            }
            position = Integer.parseInt(parsed.group(2));
            if (parsed.group(1) != null) {
                basis = version(parsed.group(1), current);
            }
        }
        Set<String> rated = ratedBy(userId);
        FeedBasis order = basis;
        int[] indexes = FeedOrder.forUser(userId, order.popular(), index -> order.slots()[index], popularShare);
        List<ItemView> items = new ArrayList<>(limit);
        while (position < indexes.length && items.size() < limit) {
            int index = indexes[position++];
            if (rated.contains(order.ids()[index]) || (slot != null && order.slots()[index] != slot)) {
                continue;
            }
            snapshot.find(order.ids()[index]).ifPresent(item -> items.add(ItemView.of(item)));
        }
        String next = position < indexes.length ? order.version() + "." + position : null;
        return new FeedPage(userId, items, next);
    }

    /** The order inputs of the catalogue now served, remembered among the recent versions. */
    private synchronized FeedBasis basisOf(CatalogueSnapshot snapshot) {
        if (snapshot != basisSnapshot) {
            FeedBasis basis = FeedBasis.of(snapshot);
            FeedBasis known = versions.get(basis.version());
            currentBasis = known != null ? known : basis;
            basisSnapshot = snapshot;
            versions.put(currentBasis.version(), currentBasis);
        }
        return currentBasis;
    }

    /** The version a cursor names, or the current one when this replica no longer holds it. */
    private synchronized FeedBasis version(String version, FeedBasis current) {
        FeedBasis basis = versions.get(version);
        if (basis == null) {
            LOG.debug("Feed cursor of catalogue version {} continues in the current version {}", version,
                    current.version());
            return current;
        }
        return basis;
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
}
