package io.stylegraph.models.image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Encoded pictures made at test time: ImageIO for PNG, JPEG and GIF, hand-built bytes for the rest. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage halves(int width, int height, int left, int right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? left : right);
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG made of its signature and an IHDR chunk only: a header with no pixel data behind it. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 4 + 13 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(ihdr.array())
                .putInt((int) crc.getValue())
                .array();
    }

    /** Rewrites the frame header (SOF0) of a baseline JPEG to claim another size; the scan data stays small. */
    static byte[] jpegClaimingSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        int pos = 2;
        while (pos + 4 < out.length) {
            int marker = out[pos + 1] & 0xFF;
            int length = ((out[pos + 2] & 0xFF) << 8) | (out[pos + 3] & 0xFF);
            if (marker == 0xC0) {
                out[pos + 5] = (byte) (height >> 8);
                out[pos + 6] = (byte) height;
                out[pos + 7] = (byte) (width >> 8);
                out[pos + 8] = (byte) width;
                return out;
            }
            pos += 2 + length;
        }
        throw new IllegalArgumentException("no SOF0 segment");
    }

    /** Inserts an Exif APP1 segment holding only the orientation tag right after the JPEG's SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        byte[] exif = exifBlock(orientation, littleEndian, true);
        int length = 2 + exif.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exif);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /**
     * A TIFF structure whose IFD0 holds only the orientation tag, optionally behind the {@code Exif\0\0} header of
     * a JPEG APP1 segment (which some PNG and WebP writers keep too).
     */
    static byte[] exifBlock(int orientation, boolean littleEndian, boolean exifHeader) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4)
                .order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] header = exifHeader ? "Exif\0\0".getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return ByteBuffer.allocate(header.length + tiff.capacity()).put(header).put(tiff.array()).array();
    }

    /** 24x16, blue, with a red 8x8 square in the top-left corner: where the square lands shows the turn. */
    static BufferedImage redCorner() {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                image.setRGB(x, y, x < 8 && y < 8 ? 0xFF0000 : 0x0000FF);
            }
        }
        return image;
    }

    /** A committed fixture under {@code src/test/resources/images}. */
    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource images/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inserts a chunk (length, type, data, CRC-32 over type and data) into a PNG: right after IHDR, where eXIf
     * belongs, or just before IEND.
     */
    static byte[] withPngChunk(byte[] png, String type, byte[] data, boolean afterImageData) {
        CRC32 crc = new CRC32();
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(typeBytes);
        crc.update(data);
        int at = afterImageData ? png.length - 12 : 8 + 8 + 13 + 4;
        return ByteBuffer.allocate(png.length + 12 + data.length)
                .put(png, 0, at)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue())
                .put(png, at, png.length - at)
                .array();
    }

    /**
     * Turns a simple-format WebP (RIFF header and one {@code VP8 }/{@code VP8L} chunk) into the extended format: a
     * VP8X chunk for the given canvas, the image chunk, then an EXIF chunk (padded to an even size).
     */
    static byte[] webpWithExif(byte[] simpleWebp, int width, int height, byte[] exif, boolean exifFlag) {
        ByteBuffer in = ByteBuffer.wrap(simpleWebp).order(ByteOrder.LITTLE_ENDIAN);
        int imageChunkSize = in.getInt(16);
        int imageChunk = 8 + imageChunkSize + (imageChunkSize & 1);
        int exifChunk = 8 + exif.length + (exif.length & 1);
        int riffSize = 4 + (8 + 10) + imageChunk + exifChunk;
        ByteBuffer out = ByteBuffer.allocate(8 + riffSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riffSize).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10)
                .put((byte) (exifFlag ? 0x08 : 0)).put(new byte[3])
                .put(int24(width - 1)).put(int24(height - 1));
        out.put(simpleWebp, 12, imageChunk);
        out.put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(exif.length).put(exif);
        return out.array();
    }

    private static byte[] int24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    /**
     * A lossless WebP (VP8L) of one colour: no transforms, no colour cache, and five single-symbol prefix codes,
     * so every pixel takes zero bits after the header.
     */
    static byte[] uniformWebp(int width, int height, int argb) {
        BitWriter bits = new BitWriter();
        bits.write(0x2F, 8);
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(1, 1);          // alpha is used
        bits.write(0, 3);          // version
        bits.write(0, 1);          // no transform
        bits.write(0, 1);          // no colour cache
        bits.write(0, 1);          // no meta prefix codes
        int[] symbols = {(argb >> 8) & 0xFF, (argb >> 16) & 0xFF, argb & 0xFF, argb >>> 24};
        for (int symbol : symbols) {  // green, red, blue, alpha
            bits.write(1, 1);      // simple code
            bits.write(0, 1);      // one symbol
            bits.write(1, 1);      // 8-bit symbol
            bits.write(symbol, 8);
        }
        bits.write(1, 1);          // distance code: simple, one 1-bit symbol 0
        bits.write(0, 1);
        bits.write(0, 1);
        bits.write(0, 1);
        // zero bytes after the bitstream: TwelveMonkeys' reader fetches eight bytes at a time
        byte[] data = Arrays.copyOf(bits.toBytes(), 24);
        int padded = data.length + (data.length & 1);
        ByteBuffer riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return riff.array();
    }

    /** Least-significant-bit-first writer, the bit order of VP8L. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int value, int width) {
            buffer |= ((long) value & ((1L << width) - 1)) << count;
            count += width;
            while (count >= 8) {
                bytes.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] toBytes() {
            if (count > 0) {
                bytes.write((int) (buffer & 0xFF));
                buffer = 0;
                count = 0;
            }
            return bytes.toByteArray();
        }
    }
}
