package io.stylegraph.api.catalogue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.micronaut.http.MediaType;
import io.stylegraph.models.image.DecodedImage;
import io.stylegraph.models.image.ExifOrientation;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.models.image.ImageRejectedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downscaled copies of catalogue pictures ({@code ?size=thumb}): at most {@value #LONGEST_SIDE} pixels on the longest
 * side, upright (EXIF orientation applied), JPEG unless the picture has transparency (then PNG). The last
 * {@value #CACHED} thumbnails are kept in memory, keyed by the file's entity tag (path, length, modification time), so
 * a replaced file is scaled again.
 */
@Singleton
public class Thumbnails {
    public static final int LONGEST_SIDE = 256;
    static final int CACHED = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    /** A scaled picture's bytes and media type. */
    public record Thumbnail(byte[] bytes, MediaType type) {
    }

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    private final Map<String, Thumbnail> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Thumbnail> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * The thumbnail of the picture at {@code path}; empty when the picture is already small enough (serve the file) or
     * is not a picture this service can decode (serve the file as it is, as {@code full} would).
     */
    public Optional<Thumbnail> of(Path path, String tag) throws IOException {
        synchronized (cache) {
            Thumbnail cached = cache.get(tag);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        DecodedImage decoded;
        try {
            decoded = decoder.decode(Files.readAllBytes(path));
        } catch (ImageRejectedException e) {
            LOG.debug("No thumbnail of {}: {}", path, e.getMessage());
            return Optional.empty();
        }
        BufferedImage upright = ExifOrientation.apply(decoded.image(), decoded.exifOrientation());
        if (Math.max(upright.getWidth(), upright.getHeight()) <= LONGEST_SIDE
                && decoded.exifOrientation() == ExifOrientation.NORMAL) {
            return Optional.empty();
        }
        Thumbnail thumbnail = encode(scaled(upright));
        synchronized (cache) {
            cache.put(tag, thumbnail);
        }
        return Optional.of(thumbnail);
    }

    /** Halves while more than twice too large (keeps bilinear scaling from skipping pixels), then one last step. */
    static BufferedImage scaled(BufferedImage image) {
        BufferedImage current = image;
        boolean alpha = image.getColorModel().hasAlpha();
        while (true) {
            int longest = Math.max(current.getWidth(), current.getHeight());
            if (longest <= LONGEST_SIDE) {
                return current;
            }
            double factor = Math.max(0.5, (double) LONGEST_SIDE / longest);
            int width = Math.max(1, (int) Math.round(current.getWidth() * factor));
            int height = Math.max(1, (int) Math.round(current.getHeight() * factor));
            BufferedImage next = new BufferedImage(width, height,
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, width, height, null);
            g.dispose();
            current = next;
        }
    }

    private static Thumbnail encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (image.getColorModel().hasAlpha()) {
            ImageIO.write(image, "png", out);
            return new Thumbnail(out.toByteArray(), MediaType.IMAGE_PNG_TYPE);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return new Thumbnail(out.toByteArray(), MediaType.IMAGE_JPEG_TYPE);
    }
}
