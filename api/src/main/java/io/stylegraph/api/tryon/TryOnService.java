package io.stylegraph.api.tryon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.search.ModelConfiguration;
import io.stylegraph.api.search.UploadedImages;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageRejectedException;
import io.stylegraph.models.tryon.GarmentKind;
import io.stylegraph.models.tryon.TryOnEngine;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts try-on jobs after checking everything a worker will need, cancels them and deletes a user's. */
@Singleton
public class TryOnService {
    private static final Logger LOG = LoggerFactory.getLogger(TryOnService.class);

    private final TryOnStore store;
    private final TryOnWorker worker;
    private final CatalogueCache catalogue;
    private final UploadedImages uploads;
    private final ImageDecoder decoder;
    private final JsonMapper json;
    private final String engine;

    public TryOnService(TryOnStore store, TryOnWorker worker, CatalogueCache catalogue, UploadedImages uploads,
                        ModelConfiguration models, JsonMapper json, TryOnEngine engine) {
        this.store = store;
        this.worker = worker;
        this.catalogue = catalogue;
        this.uploads = uploads;
        this.decoder = new ImageDecoder(models.imageLimits());
        this.json = json;
        this.engine = engine.name();
    }

    /** The form fields of {@code POST /v1/tryon}. */
    public record Submission(CompletedFileUpload person, String itemId, String keypoints, String box, String userId) {
    }

    public TryOnJob submit(Submission submission) {
        String userId = submission.userId();
        if (userId != null && !UserIds.valid(userId)) {
            throw ProblemException.badRequest("invalid-field", "userId", "userId " + UserIds.RULE);
        }
        String itemId = submission.itemId() == null ? "" : submission.itemId().strip();
        if (itemId.isEmpty()) {
            throw ProblemException.badRequest("missing-field", "itemId", "itemId names the catalogue item to try on");
        }
        Item item = catalogue.find(itemId).orElseThrow(() -> ProblemException.notFound("unknown-item", "itemId",
                "No item with id " + itemId)).item();
        GarmentKind kind = kindOf(item);
        Path garment = garmentImage(item);
        UploadedImages.Upload person = decodePerson(submission.person());
        int width = person.decoded().image().getWidth();
        int height = person.decoded().image().getHeight();
        PlacementJson.Parsed placement = PlacementJson.parse(json, submission.box(), submission.keypoints(), kind,
                width, height);
        String id = UUID.randomUUID().toString();
        // the upload as sent: smaller than any re-encoding, and it already passed the limits the worker decodes with
        store.insert(new TryOnStore.NewJob(id, userId, itemId, garment.toString(),
                kind.name().toLowerCase(java.util.Locale.ROOT), placement.json(), engine),
                new TryOnStore.StoredImage(person.bytes(), person.decoded().format().mediaType()));
        LOG.info("Try-on {} queued: item {} ({}), {}x{} photo, placement {}, engine {}", id, itemId, kind, width,
                height, placement.placement().describe(), engine);
        worker.wake();
        return store.find(id).orElseThrow();
    }

    /** Cancels the job if it has not finished; answers the job as it now stands. */
    public TryOnJob cancel(String jobId) {
        TryOnJob job = require(jobId);
        if (store.cancel(jobId)) {
            worker.interrupt(jobId);
            LOG.info("Try-on {} cancelled", jobId);
            return require(jobId);
        }
        if (TryOnJob.CANCELLED.equals(job.status())) {
            return job;
        }
        throw new ProblemException(HttpStatus.CONFLICT, "tryon-finished", "jobId", "Try-on " + jobId + " is already "
                + job.status() + " and cannot be cancelled");
    }

    /** Deletes every try-on of the user, photos and results included; returns how many jobs there were. */
    public int deleteUser(String userId) {
        List<String> deleted = store.deleteUser(userId);
        deleted.forEach(worker::interrupt);
        LOG.info("Try-on data of user {} deleted: {} jobs", userId, deleted.size());
        return deleted.size();
    }

    public TryOnJob require(String jobId) {
        return store.find(jobId).orElseThrow(() -> unknownJob(jobId));
    }

    /** The answer for a job that does not exist, or that the caller may not see (it is not told which). */
    public static ProblemException unknownJob(String jobId) {
        return ProblemException.notFound("unknown-tryon", "jobId", "No try-on job " + jobId);
    }

    private static GarmentKind kindOf(Item item) {
        Slot slot = item.slot();
        return switch (slot) {
            case TOP, OUTERWEAR -> GarmentKind.UPPER;
            case BOTTOM -> GarmentKind.LOWER;
            case DRESS -> GarmentKind.FULL_BODY;
            default -> throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "item-not-wearable", "itemId",
                    "Item " + item.id() + " is in slot " + slot.wireName() + "; try-on fits tops, outerwear, bottoms "
                            + "and dresses");
        };
    }

    /** The item's product photo as a readable local file. */
    private Path garmentImage(Item item) {
        String image = item.image();
        if (image == null || image.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "no-image", "itemId", "Item " + item.id()
                    + " has no product photo to try on");
        }
        if (image.startsWith("http://") || image.startsWith("https://")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "no-image", "itemId", "The product photo of "
                    + "item " + item.id() + " is a remote URL; try-on needs it imported as a local file");
        }
        Path path = Path.of(image);
        try {
            decoder.decode(Files.readAllBytes(path));
        } catch (IOException | ImageRejectedException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "no-image", "itemId", "The product photo of "
                    + "item " + item.id() + " cannot be read");
        }
        return path;
    }

    /** The person photo, with the upload checks of image search reported on field {@code person}. */
    private UploadedImages.Upload decodePerson(CompletedFileUpload upload) {
        try {
            return uploads.decode(upload);
        } catch (ProblemException e) {
            throw new ProblemException(e.status(), e.code(), "person", e.getMessage().replace("image part",
                    "person part"), e.errors());
        }
    }
}
