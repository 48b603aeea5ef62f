package io.stylegraph.api.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.ItemAdditions;
import io.stylegraph.api.catalogue.NewItem;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportFailedException;
import io.stylegraph.graph.repository.CatalogueRepository;
import io.stylegraph.graph.repository.ItemContent;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.graph.repository.VectorWrite;
import io.stylegraph.training.retrieval.ItemEmbedder;
import jakarta.inject.Singleton;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds one item while the service runs ({@code POST /v1/items}): stores its picture under
 * {@code stylegraph.search.image-dir}, writes the item to the graph, embeds it and adds it to the serving indexes and
 * the served catalogue before answering, so it is searchable at once.
 */
@Singleton
public class ItemUploads implements ItemAdditions {
    public static final String SOURCE = "api";
    private static final Logger LOG = LoggerFactory.getLogger(ItemUploads.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GraphImporter importer;
    private final CatalogueRepository items;
    private final ItemVectorRepository vectors;
    private final ItemEmbedder embedder;
    private final SearchIndexes indexes;
    private final CatalogueCache catalogue;
    private final EmbeddingJob embeddings;
    private final UploadedImages images;
    private final Path imageDir;

    public ItemUploads(GraphImporter importer, CatalogueRepository items, ItemVectorRepository vectors,
                       ItemEmbedder embedder, SearchIndexes indexes, CatalogueCache catalogue,
                       EmbeddingJob embeddings, UploadedImages images, SearchConfiguration config) {
        this.importer = importer;
        this.items = items;
        this.vectors = vectors;
        this.embedder = embedder;
        this.indexes = indexes;
        this.catalogue = catalogue;
        this.embeddings = embeddings;
        this.images = images;
        this.imageDir = config.getImageDir().toAbsolutePath().normalize();
    }

    /** Decodes the picture under the upload limits, then adds the item. */
    @Override
    public RatedItem add(NewItem fields, CompletedFileUpload image) {
        return add(fields, images.decode(image));
    }

    /** Serialized, so two uploads naming the same id cannot both pass the existence check. */
    public synchronized RatedItem add(NewItem fields, UploadedImages.Upload image) {
        Slot slot = fields.slot() == null ? Slot.OTHER : Slot.parse(fields.slot()).orElseThrow(() ->
                ProblemException.badRequest("invalid-field", "slot",
                        "slot must be one of top, bottom, dress, outerwear, shoes, bag, accessory, other"));
        Gender gender = fields.gender() == null ? null : Gender.parse(fields.gender()).orElseThrow(() ->
                ProblemException.badRequest("invalid-field", "gender",
                        "gender must be one of men, women, boys, girls, unisex"));
        String id = fields.id() != null ? fields.id() : newId();
        try {
            if (catalogue.find(id).isPresent() || items.findById(id).isPresent()) {
                throw new ProblemException(HttpStatus.CONFLICT, "item-exists", "id", "An item with id " + id
                        + " already exists");
            }
        } catch (Neo4jException e) {
            throw graphUnavailable(id, e);
        }
        Path file = storeImage(id, image);
        Item item = new Item(id, fields.title().strip(), fields.description(), fields.category(), slot, gender,
                fields.colour(), fields.attributes(), file.toString(), SOURCE);
        ItemContent content = new ItemContent(id, item.title(), item.description(), item.category(), item.colour(),
                item.image(), slot, gender, null, null, null, null, false, false);
        List<VectorWrite> writes;
        try {
            writes = embedder.embed(content, image.decoded().image());
            importer.importFrom(CatalogueSource.of(SOURCE, List.of(item)));
        } catch (IOException | ImportFailedException | Neo4jException e) {
            deleteQuietly(file);
            throw graphUnavailable(id, e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        try {
            vectors.store(writes);
        } catch (Neo4jException e) {
            // the item is in the graph: answer as added, and let the embedding job store its vectors later
            LOG.warn("Vectors of item {} not stored yet: {}", id, e.getMessage());
            embeddings.requestRun();
        }
        for (VectorWrite write : writes) {
            if (write.vector() != null) {
                indexes.upsert(write.modality(), write.modelId(),
                        List.of(new ItemVector(id, slot, gender, write.vector(), write.input())));
            }
        }
        RatedItem added = new RatedItem(item, 0, 0);
        catalogue.put(added);
        LOG.info("Item {} added through the API and indexed", id);
        return added;
    }

    private static String newId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "up-" + HexFormat.of().formatHex(random);
    }

    private static ProblemException graphUnavailable(String id, Exception e) {
        LOG.warn("Item {} not added, the graph did not take it: {}", id, e.getMessage());
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "graph-unavailable", null,
                "The item could not be stored right now; try again");
    }

    private Path storeImage(String id, UploadedImages.Upload image) {
        String extension = switch (image.decoded().format()) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case WEBP -> "webp";
        };
        Path target = imageDir.resolve(id + "." + extension);
        try {
            Files.createDirectories(imageDir);
            Path partial = Files.createTempFile(imageDir, id, ".part");
            Files.write(partial, image.bytes());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the image of item " + id + " under " + imageDir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
