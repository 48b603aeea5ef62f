package io.stylegraph.models.image;

import io.stylegraph.models.image.ImageRejectedException.Reason;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;

/**
 * Decodes uploaded pictures within {@link ImageLimits}: the byte count is checked while reading, the format is
 * recognised from the leading bytes, and width and height are read from the header before any pixel is decoded,
 * so a small file that claims a huge raster is refused cheaply. JPEG EXIF orientation is applied.
 *
 * <p>Stateless apart from its limits: safe to share between threads.
 */
public final class ImageDecoder {

    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    public ImageLimits limits() {
        return limits;
    }

    /** Reads at most {@code maxBytes + 1} bytes from the stream, then decodes; the stream is not closed. */
    public DecodedImage decode(InputStream in) throws ImageRejectedException, IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(chunk)) != -1) {
            total += read;
            if (total > limits.maxBytes()) {
                throw tooLarge(total + "+");
            }
            buffer.write(chunk, 0, read);
        }
        return decode(buffer.toByteArray());
    }

    public DecodedImage decode(byte[] data) throws ImageRejectedException {
        if (data.length > limits.maxBytes()) {
            throw tooLarge(String.valueOf(data.length));
        }
        ImageFormat format = ImageFormat.sniff(data).orElseThrow(() -> new ImageRejectedException(
                Reason.UNSUPPORTED_FORMAT, "not a JPEG, PNG or WebP picture"));
        ImageReader reader = readerFor(format);
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(stream, true, true);
            long width;
            long height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw new ImageRejectedException(Reason.CORRUPT, "unreadable " + format + " header: " + e.getMessage(), e);
            }
            if (width <= 0 || height <= 0) {
                throw new ImageRejectedException(Reason.CORRUPT, "header claims " + width + "x" + height + " pixels");
            }
            if (width * height > limits.maxPixels()) {
                throw new ImageRejectedException(Reason.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                        "%dx%d pixels exceed the limit of %d", width, height, limits.maxPixels()));
            }
            BufferedImage image = read(reader, format);
            int orientation = format == ImageFormat.JPEG ? ExifOrientation.readFromJpeg(data) : ExifOrientation.NORMAL;
            return new DecodedImage(ExifOrientation.apply(image, orientation), format, orientation);
        } catch (IOException e) {
            throw new ImageRejectedException(Reason.CORRUPT, "unreadable " + format + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage read(ImageReader reader, ImageFormat format) throws ImageRejectedException {
        try {
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new ImageRejectedException(Reason.CORRUPT, "no picture in the " + format + " data");
            }
            return image;
        } catch (javax.imageio.IIOException e) {
            // The JDK's JPEG reader says this for CMYK/YCCK and other colour layouts it cannot convert.
            if (e.getMessage() != null && e.getMessage().startsWith("Unsupported Image Type")) {
                throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT,
                        "unsupported " + format + " variant: " + e.getMessage(), e);
            }
            throw new ImageRejectedException(Reason.CORRUPT, "unreadable " + format + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(Reason.CORRUPT, "unreadable " + format + ": " + e.getMessage(), e);
        }
    }

    private static ImageReader readerFor(ImageFormat format) throws ImageRejectedException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT, "no reader installed for " + format);
        }
        return readers.next();
    }

    private ImageRejectedException tooLarge(String size) {
        return new ImageRejectedException(Reason.TOO_LARGE,
                "upload of " + size + " bytes exceeds the limit of " + limits.maxBytes() + " bytes");
    }
}
