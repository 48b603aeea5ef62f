package io.stylegraph.models.image;

import io.stylegraph.models.image.ImageRejectedException.Reason;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;

/**
 * Decodes uploaded pictures within {@link ImageLimits}: the byte count is checked while reading, the format is
 * recognised from the leading bytes, and width and height are read from the header before any pixel is decoded,
 * so a small file that claims a huge raster is refused cheaply. EXIF orientation is applied (JPEG Exif segment, PNG
 * {@code eXIf} chunk, WebP {@code EXIF} chunk), and pictures in other colour spaces (CMYK and YCCK JPEGs, embedded ICC
 * profiles) come back as sRGB, so {@link RgbImage} and every other consumer read plain RGB or gray.
 *
 * <p>JPEGs go through TwelveMonkeys' reader (a dependency of this module; ImageIO ranks it before the JDK's): it
 * converts CMYK and Adobe YCCK JPEGs with their embedded profile to RGB, which older JDK readers refuse outright
 * ("Unsupported Image Type").
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
            BufferedImage image = standardColours(read(reader, format));
            int orientation = ExifOrientation.read(format, data);
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
            // The JDK's JPEG reader says this for colour layouts it cannot convert (CMYK and YCCK in older JDKs),
            // should it be the one picked.
            if (e.getMessage() != null && e.getMessage().startsWith("Unsupported Image Type")) {
                throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT,
                        "unsupported " + format + " variant: " + e.getMessage(), e);
            }
            throw new ImageRejectedException(Reason.CORRUPT, "unreadable " + format + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(Reason.CORRUPT, "unreadable " + format + ": " + e.getMessage(), e);
        }
    }

    /**
     * The picture itself when its colour space is sRGB (any layout, palette included) or gray; otherwise the same
     * picture converted to sRGB through its colour space (CMYK with its ICC profile, say), keeping any alpha.
     */
    static BufferedImage standardColours(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            return image;
        }
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(image, rgb);
        return rgb;
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
