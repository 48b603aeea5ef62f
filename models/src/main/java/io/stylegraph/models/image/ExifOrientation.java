package io.stylegraph.models.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * EXIF orientation (tag 0x0112) of a JPEG, and the transform that turns its pixels upright. Phones store photos
 * sideways and set this tag; ImageIO ignores it.
 */
public final class ExifOrientation {

    public static final int NORMAL = 1;

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {
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
