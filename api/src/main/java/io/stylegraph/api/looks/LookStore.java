package io.stylegraph.api.looks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micronaut.http.HttpStatus;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.search.ItemUploads;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.api.search.UploadedImages;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.PhotoRepository;
import jakarta.inject.Singleton;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a look a user put together ({@code POST /v1/looks}): the photo goes under
 * {@code <stylegraph.search.image-dir>/looks/}, the look into the graph as
 * {@code (:Photo {id, image, source: "api", userId, createdAt})-[:FEATURES {slot, box}]->(:Item)}.
 */
@Singleton
public class LookStore {
    static final int MAX_ITEMS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(LookStore.class);
    private static final Pattern PHOTO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PhotoRepository photos;
    private final CatalogueCache catalogue;
    private final Path photoDir;

    public LookStore(PhotoRepository photos, CatalogueCache catalogue, SearchConfiguration config) {
        this.photos = photos;
        this.catalogue = catalogue;
        this.photoDir = config.getImageDir().toAbsolutePath().normalize().resolve("looks");
    }

    /** Serialized, so two saves naming the same photo id cannot both pass the existence check. */
    public synchronized PhotoRepository.Look save(NewLook look, UploadedImages.Upload photo) {
        List<PhotoRepository.FeaturedItem> items = items(look);
        if (look.userId() != null && !UserIds.valid(look.userId())) {
            throw ProblemException.badRequest("invalid-field", "userId", "userId " + UserIds.RULE);
        }
        String id = look.photoId() != null ? look.photoId() : newId();
        if (!PHOTO_ID.matcher(id).matches()) {
            throw ProblemException.badRequest("invalid-field", "photoId",
                    "photoId must be 1-64 characters of letters, digits and . _ -, starting with a letter or digit");
        }
        try {
            if (photos.find(id).isPresent()) {
                throw new ProblemException(HttpStatus.CONFLICT, "look-exists", "photoId", "A look with photo id " + id
                        + " already exists");
            }
            Path file = storePhoto(id, photo);
            PhotoRepository.Look saved = new PhotoRepository.Look(id, file.toString(), ItemUploads.SOURCE,
                    look.userId(), items, null);
            try {
                photos.save(List.of(saved));
            } catch (Neo4jException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            LOG.info("Look {} saved with {} items", id, items.size());
            return photos.find(id).orElse(saved);
        } catch (Neo4jException e) {
            LOG.warn("Look {} not saved, the graph did not take it: {}", id, e.getMessage());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "graph-unavailable", null,
                    "The look could not be stored right now; try again");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<PhotoRepository.Look> find(String photoId) {
        return photos.find(photoId);
    }

    private List<PhotoRepository.FeaturedItem> items(NewLook look) {
        if (look.items() == null || look.items().isEmpty()) {
            throw ProblemException.badRequest("invalid-field", "items", "items must list the catalogue items the "
                    + "photo features");
        }
        if (look.items().size() > MAX_ITEMS) {
            throw ProblemException.badRequest("invalid-field", "items", "items may list at most " + MAX_ITEMS);
        }
        List<PhotoRepository.FeaturedItem> out = new ArrayList<>();
        for (int i = 0; i < look.items().size(); i++) {
            NewLook.Item item = look.items().get(i);
            String field = "items[" + i + "]";
            if (item == null || item.itemId() == null || catalogue.find(item.itemId()).isEmpty()) {
                throw ProblemException.badRequest("unknown-item", field + ".itemId", "No catalogue item "
                        + (item == null ? "" : item.itemId()));
            }
            Slot slot = item.slot() == null ? null : Slot.parse(item.slot()).orElseThrow(() ->
                    ProblemException.badRequest("invalid-field", field + ".slot",
                            "slot must be one of top, bottom, dress, outerwear, shoes, bag, accessory, other"));
            List<Double> box = item.box();
            if (box != null && (box.size() != 4 || box.stream().anyMatch(v -> v == null || !Double.isFinite(v))
                    || !(box.get(2) > box.get(0)) || !(box.get(3) > box.get(1)))) {
                throw ProblemException.badRequest("invalid-field", field + ".box",
                        "box must be [x0, y0, x1, y1] pixels with x0 < x1 and y0 < y1");
            }
            out.add(new PhotoRepository.FeaturedItem(item.itemId(), slot == null ? null : slot.wireName(), box));
        }
        return out;
    }

    private static String newId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "look-" + HexFormat.of().formatHex(random);
    }

    private Path storePhoto(String id, UploadedImages.Upload photo) throws IOException {
        String extension = switch (photo.decoded().format()) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case WEBP -> "webp";
        };
        Files.createDirectories(photoDir);
        Path target = photoDir.resolve(id + "." + extension);
        Path partial = Files.createTempFile(photoDir, id, ".part");
        Files.write(partial, photo.bytes());
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
