package io.stylegraph.training.retrieval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.imports.PrecomputedVectors;
import io.stylegraph.graph.repository.ItemContent;
import io.stylegraph.graph.repository.VectorWrite;
import io.stylegraph.models.ImageEncoder;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes items' vectors with the current encoders: {@code visual} from the item's local image file (items whose
 * image is missing, remote or unreadable get none), {@code text} from {@link ItemTexts}. Decides what is stale: a
 * vector from another model, or from an input (image path, text) that has changed since; a vector the catalogue
 * brought with it counts as current for the model it names.
 */
public class ItemEmbedder {
    private static final Logger LOG = LoggerFactory.getLogger(ItemEmbedder.class);

    private final LazyEncoders encoders;
    private final ImageDecoder decoder;

    /** @param decoder reads the pictures, under the limits it was made with */
    public ItemEmbedder(LazyEncoders encoders, ImageDecoder decoder) {
        this.encoders = encoders;
        this.decoder = decoder;
    }

    public String modelId(Modality modality) {
        return modality == Modality.VISUAL ? encoders.image().modelId() : encoders.text().modelId();
    }

    /** What the vector is computed from: the image path, or a digest of the text; empty when there is nothing. */
    public static String input(ItemContent item, Modality modality) {
        if (modality == Modality.VISUAL) {
            return item.image() == null ? "" : item.image();
        }
        String text = text(item);
        return text.isEmpty() ? "" : ItemTexts.digest(text);
    }

    /**
     * Whether the item needs (re-)embedding in this modality: its vector is from another model, or from an input that
     * has changed. A vector imported with the catalogue ({@link PrecomputedVectors#INPUT}) stays as long as it names
     * the current model.
     */
    public boolean stale(ItemContent item, Modality modality) {
        if (!modelId(modality).equals(item.model(modality))) {
            return true;
        }
        return !PrecomputedVectors.INPUT.equals(item.input(modality))
                && !input(item, modality).equals(Objects.requireNonNullElse(item.input(modality), ""));
    }

    static String text(ItemContent item) {
        return ItemTexts.of(item.title(), item.category(), item.colour(), item.description(), item.brand(),
                item.categories());
    }

    /** Embeds the stale modalities of each item. */
    public EmbeddedBatch embed(List<ItemContent> items) {
        return EmbeddedBatch.of(embedStaleTexts(items), embedStalePictures(items));
    }

    /** The text vectors of the items whose text vector is stale (an empty text gets a write without a vector). */
    public Part embedStaleTexts(List<ItemContent> items) {
        List<ItemContent> needText = items.stream().filter(item -> stale(item, Modality.TEXT)).toList();
        return new Part(embedTexts(needText), needText.size(), 0);
    }

    /**
     * The visual vectors of the items whose visual vector is stale, each picture read from its file (an item whose
     * picture is missing or unreadable gets a write without a vector). Safe to run beside {@link #embedStaleTexts}.
     */
    public Part embedStalePictures(List<ItemContent> items) {
        List<VectorWrite> writes = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        List<ItemContent> withImage = new ArrayList<>();
        int unreadable = 0;
        for (ItemContent item : items) {
            if (!stale(item, Modality.VISUAL)) {
                continue;
            }
            BufferedImage image = readImage(item.image());
            if (image == null) {
                unreadable += item.image() == null ? 0 : 1;
                writes.add(new VectorWrite(item.id(), Modality.VISUAL, modelId(Modality.VISUAL),
                        input(item, Modality.VISUAL), null));
            } else {
                images.add(image);
                withImage.add(item);
            }
        }
        writes.addAll(embedImages(withImage, images));
        return new Part(writes, images.size(), unreadable);
    }

    /** Embeds an item whose picture is already decoded (an upload), in both modalities. */
    public List<VectorWrite> embed(ItemContent item, BufferedImage image) {
        List<VectorWrite> writes = new ArrayList<>(embedTexts(List.of(item)));
        writes.addAll(embedImages(List.of(item), List.of(image)));
        return writes;
    }

    private List<VectorWrite> embedTexts(List<ItemContent> items) {
        TextEncoder encoder = encoders.text();
        List<String> texts = new ArrayList<>();
        List<ItemContent> withText = new ArrayList<>();
        List<VectorWrite> writes = new ArrayList<>(items.size());
        for (ItemContent item : items) {
            String text = text(item);
            if (text.isEmpty()) {
                writes.add(new VectorWrite(item.id(), Modality.TEXT, encoder.modelId(), "", null));
            } else {
                texts.add(text);
                withText.add(item);
            }
        }
        if (!texts.isEmpty()) {
            List<float[]> vectors = encoder.encode(texts);
            for (int i = 0; i < withText.size(); i++) {
                writes.add(new VectorWrite(withText.get(i).id(), Modality.TEXT, encoder.modelId(),
                        ItemTexts.digest(texts.get(i)), vectors.get(i)));
            }
        }
        return writes;
    }

    private List<VectorWrite> embedImages(List<ItemContent> items, List<BufferedImage> images) {
        if (items.isEmpty()) {
            return List.of();
        }
        ImageEncoder encoder = encoders.image();
        List<float[]> vectors = encoder.encode(images);
        List<VectorWrite> writes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            writes.add(new VectorWrite(items.get(i).id(), Modality.VISUAL, encoder.modelId(),
                    input(items.get(i), Modality.VISUAL), vectors.get(i)));
        }
        return writes;
    }

    /** A catalogue picture from its local file, upright; null when there is none or it cannot be read. */
    public BufferedImage readImage(String image) {
        if (image == null || image.startsWith("http://") || image.startsWith("https://")) {
            return null;
        }
        try {
            Path path = Path.of(image);
            if (!Files.isRegularFile(path)) {
                return null;
            }
            return decoder.decode(Files.readAllBytes(path)).image();
        } catch (IOException | ImageRejectedException | RuntimeException e) {
            LOG.debug("Image {} not readable: {}", image, e.getMessage());
            return null;
        }
    }

    /**
     * One modality's share of a batch.
     *
     * @param writes     one per item whose vector in the modality was stale
     * @param encoded    texts encoded or found blank, or images encoded
     * @param unreadable items naming an image that could not be read
     */
    public record Part(List<VectorWrite> writes, int encoded, int unreadable) {
    }

    /**
     * @param writes           one per item and stale modality
     * @param texts            texts encoded or found blank
     * @param images           images encoded
     * @param unreadableImages items naming an image that could not be read
     */
    public record EmbeddedBatch(List<VectorWrite> writes, int texts, int images, int unreadableImages) {

        static EmbeddedBatch of(Part texts, Part pictures) {
            List<VectorWrite> writes = new ArrayList<>(texts.writes().size() + pictures.writes().size());
            writes.addAll(texts.writes());
            writes.addAll(pictures.writes());
            return new EmbeddedBatch(writes, texts.encoded(), pictures.encoded(), pictures.unreadable());
        }
    }
}
