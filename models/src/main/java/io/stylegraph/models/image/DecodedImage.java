package io.stylegraph.models.image;

import java.awt.image.BufferedImage;

/**
 * A decoded upload, already turned upright.
 *
 * @param image           pixels as displayed (EXIF orientation applied)
 * @param format          the format recognised from the leading bytes
 * @param exifOrientation the EXIF orientation found (1 when none)
 */
public record DecodedImage(BufferedImage image, ImageFormat format, int exifOrientation) {
}
