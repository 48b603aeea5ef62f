package io.stylegraph.api.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.micronaut.http.HttpStatus;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.infra.GraphCircuit;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.graph.repository.CatalogueRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts likes, dislikes and undos: validated, written to the PostgreSQL log first (durable, idempotent by client
 * event id), then projected into the graph straight away when it answers, or later by the {@link ProjectionReconciler}.
 */
@Singleton
public class FeedbackService {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    private final FeedbackLog log;
    private final FeedbackProjector projector;
    private final CatalogueCache catalogue;
    private final CatalogueRepository repository;
    private final GraphCircuit circuit;
    private final UserOpinions opinions;

    public FeedbackService(FeedbackLog log, FeedbackProjector projector, CatalogueCache catalogue,
                           CatalogueRepository repository, GraphCircuit circuit, UserOpinions opinions) {
        this.log = log;
        this.projector = projector;
        this.catalogue = catalogue;
        this.repository = repository;
        this.circuit = circuit;
        this.opinions = opinions;
    }

    public FeedbackAccepted record(String userId, FeedbackCommand command) {
        boolean hasItem = command.itemId() != null;
        boolean hasOutfit = command.outfitId() != null;
        if (hasItem == hasOutfit) {
            throw ProblemException.badRequest(hasItem ? "ambiguous-target" : "missing-field", "itemId",
                    "Give exactly one of itemId and outfitId");
        }
        String targetType = hasItem ? "item" : "outfit";
        String targetId = hasItem ? command.itemId() : command.outfitId();
        requireKnownTarget(targetType, targetId);
        Instant at = command.at() == null ? Instant.now() : command.at();

        FeedbackLog.Appended appended = log.append(userId, targetType, targetId, command.signal(),
                command.clientEventId(), at);
        StoredEvent event = appended.event();
        opinions.invalidate(userId);
        if (!appended.created() && !(event.targetType().equals(targetType) && event.targetId().equals(targetId)
                && event.signal().equals(command.signal()))) {
            throw new ProblemException(HttpStatus.CONFLICT, "client-event-id-reused", "clientEventId",
                    "clientEventId " + command.clientEventId() + " was already used for " + event.signal() + " of "
                            + event.targetType() + " " + event.targetId());
        }
        boolean projected = appended.created() ? projectNow(event) : event.projectedAt() != null;
        return new FeedbackAccepted(event.id(), targetType, targetId, event.signal(), !appended.created(), projected);
    }

    /** Withdraws the user's current opinion of a target. */
    public FeedbackAccepted undo(String userId, String targetId) {
        StoredEvent newest = log.latestForTarget(userId, targetId)
                .filter(event -> !"undo".equals(event.signal()))
                .orElseThrow(() -> ProblemException.notFound("no-feedback", "targetId",
                        "User " + userId + " has no current like or dislike of " + targetId));
        StoredEvent undo = log.append(userId, newest.targetType(), targetId, "undo", null, Instant.now()).event();
        opinions.invalidate(userId);
        boolean projected = projectNow(undo);
        return new FeedbackAccepted(undo.id(), undo.targetType(), targetId, "undo", false, projected);
    }

    public OpinionPage opinions(String userId, int page, int size) {
        List<OpinionView> opinions = log.currentOpinions(userId, size, (long) page * size).stream()
                .map(OpinionView::of).toList();
        return new OpinionPage(userId, opinions, page, size, log.countCurrentOpinions(userId));
    }

    private boolean projectNow(StoredEvent event) {
        if (!circuit.allowsCalls()) {
            return false;
        }
        try {
            projector.project(event.userId(), event.targetType(), event.targetId());
            circuit.recordSuccess();
            return true;
        } catch (RuntimeException e) {
            circuit.recordFailure();
            LOG.debug("Event {} stays pending: {}", event.id(), e.getMessage());
            log.recordProjectionFailure(event.id(), e.getMessage());
            return false;
        }
    }

    /**
     * Items are checked against the in-memory catalogue, which stays readable when the graph is down; if it was never
     * loaded (graph down since start), the event is accepted and the projection skips targets the graph lacks.
     */
    private void requireKnownTarget(String targetType, String targetId) {
        Objects.requireNonNull(targetId);
        if ("item".equals(targetType)) {
            if (catalogue.snapshot().isLoaded() && catalogue.find(targetId).isEmpty()) {
                throw ProblemException.notFound("unknown-item", "itemId", "No item with id " + targetId);
            }
            return;
        }
        if (!circuit.allowsCalls()) {
            return;
        }
        boolean exists;
        try {
            exists = repository.outfitExists(targetId);
        } catch (RuntimeException graphDown) {
            circuit.recordFailure();
            return;
        }
        if (!exists) {
            throw ProblemException.notFound("unknown-outfit", "outfitId", "No outfit with id " + targetId);
        }
    }
}
