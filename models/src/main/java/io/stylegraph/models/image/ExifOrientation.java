package io.stylegraph.models.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * EXIF orientation (tag 0x0112) of a JPEG, PNG or WebP upload, and the transform that turns its pixels upright.
 * Phones store photos sideways and set this tag; ImageIO ignores it. The readers look into the bytes in place (no
 * copies) and answer {@link #NORMAL} for anything absent, truncated or malformed.
 */
public final class ExifOrientation {

    public static final int NORMAL = 1;

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    /** Bit of the VP8X flags byte saying an EXIF chunk follows. */
    private static final int WEBP_EXIF_FLAG = 0x08;

    private ExifOrientation() {
    }

    /** The orientation stored in an upload of the given format, or {@link #NORMAL} when absent or malformed. */
    public static int read(ImageFormat format, byte[] data) {
        return switch (format) {
            case JPEG -> readFromJpeg(data);
            case PNG -> readFromPng(data);
            case WEBP -> readFromWebp(data);
        };
    }

    /** The orientation in the first Exif APP1 segment before the image data, or {@link #NORMAL} when absent or malformed. */
    public static int readFromJpeg(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                return NORMAL;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                pos += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL;
            }
            int length = u16(jpeg, pos + 2, false);
            int end = pos + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return NORMAL;
            }
            if (marker == 0xE1 && isExifHeader(jpeg, pos + 4, end)) {
                int orientation = readFromTiff(jpeg, pos + 10, end);
                if (orientation != NORMAL) {
                    return orientation;
                }
            }
            pos = end;
        }
        return NORMAL;
    }

    /**
     * The orientation in a PNG's {@code eXIf} chunk (PNG 1.5 extension, now in the PNG specification): a TIFF
     * structure, the same as a JPEG's Exif segment after its {@code Exif\0\0} header. Only chunk headers are read on
     * the way, so the scan costs one step per chunk. The chunk belongs before the image data, but some writers put
     * it after, and it is read wherever it is. Older "Raw profile type exif" text chunks are not read.
     */
    public static int readFromPng(byte[] png) {
        long pos = 8;
        while (pos + 8 <= png.length) {
            int at = (int) pos;
            long length = u32(png, at, false);
            int type = at + 4;
            long data = pos + 8;
            long end = data + length;
            if (end + 4 > png.length) {
                return NORMAL;
            }
            if (isType(png, type, "eXIf")) {
                return readFromExifPayload(png, (int) data, (int) end);
            }
            if (isType(png, type, "IEND")) {
                return NORMAL;
            }
            pos = end + 4;
        }
        return NORMAL;
    }

    /**
     * The orientation in a WebP's {@code EXIF} chunk. Only the extended format carries one: a {@code VP8X} chunk
     * first, whose EXIF flag says the chunk exists (browsers look only then, and so does this). The RIFF chunks are
     * walked by their headers; payloads are padded to an even length.
     */
    public static int readFromWebp(byte[] webp) {
        if (webp.length < 12 + 8 + 10 || !isType(webp, 12, "VP8X")) {
            return NORMAL;
        }
        if ((webp[20] & WEBP_EXIF_FLAG) == 0) {
            return NORMAL;
        }
        long riffEnd = Math.min(webp.length, 8 + u32(webp, 4, true));
        long pos = 12;
        while (pos + 8 <= riffEnd) {
            int at = (int) pos;
            long size = u32(webp, at + 4, true);
            long data = pos + 8;
            long end = data + size;
            if (end > riffEnd) {
                return NORMAL;
            }
            if (isType(webp, at, "EXIF")) {
                return readFromExifPayload(webp, (int) data, (int) end);
            }
            pos = end + (size & 1);
        }
        return NORMAL;
    }

    /** A TIFF structure, possibly behind the JPEG-style {@code Exif\0\0} header some PNG and WebP writers keep. */
    private static int readFromExifPayload(byte[] b, int start, int end) {
        return readFromTiff(b, isExifHeader(b, start, end) ? start + 6 : start, end);
    }

    private static boolean isType(byte[] b, int at, String type) {
        return b[at] == type.charAt(0) && b[at + 1] == type.charAt(1) && b[at + 2] == type.charAt(2)
                && b[at + 3] == type.charAt(3);
    }

    private static boolean isExifHeader(byte[] b, int at, int end) {
        return at + 6 <= end && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f'
                && b[at + 4] == 0 && b[at + 5] == 0;
    }

    /** Reads IFD0 of a TIFF structure that starts at {@code tiff}; offsets inside it are relative to that start. */
    private static int readFromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean littleEndian;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            littleEndian = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            littleEndian = false;
        } else {
            return NORMAL;
        }
        if (u16(b, tiff + 2, littleEndian) != 42) {
            return NORMAL;
        }
        long ifd = tiff + u32(b, tiff + 4, littleEndian);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, (int) ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, littleEndian) == ORIENTATION_TAG && u16(b, entry + 2, littleEndian) == TYPE_SHORT) {
                int value = u16(b, entry + 8, littleEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int at, boolean littleEndian) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return littleEndian ? first | (second << 8) : (first << 8) | second;
    }

    private static long u32(byte[] b, int at, boolean littleEndian) {
        long hi = u16(b, littleEndian ? at + 2 : at, littleEndian);
        long lo = u16(b, littleEndian ? at : at + 2, littleEndian);
        return (hi << 16) | lo;
    }

    /**
     * Returns the picture as it should be displayed for the given EXIF orientation (1..8); the colour model and
     * pixel layout are kept. Orientations 5..8 swap width and height.
     */
    public static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == NORMAL || orientation < 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        int dw = swaps ? h : w;
        int dh = swaps ? w : h;
        ColorModel colorModel = image.getColorModel();
        WritableRaster target = colorModel.createCompatibleWritableRaster(dw, dh);
        Raster source = image.getRaster();
        Object pixel = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixel = source.getDataElements(x, y, pixel);
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                target.setDataElements(dx, dy, pixel);
            }
        }
        return new BufferedImage(colorModel, target, colorModel.isAlphaPremultiplied(), null);
    }
}
