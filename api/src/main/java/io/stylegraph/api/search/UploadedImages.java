package io.stylegraph.api.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.models.image.DecodedImage;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageRejectedException;
import jakarta.inject.Singleton;

/**
 * Decodes uploaded pictures within {@code stylegraph.models.max-image-bytes} and {@code max-image-pixels}. A refused
 * picture becomes a problem on field {@code image}: {@code image-too-large} and {@code image-too-many-pixels} (413),
 * {@code image-unsupported-format} (415), {@code image-corrupt} and {@code image-empty} (400).
 */
@Singleton
public class UploadedImages {
    private final ImageDecoder decoder;

    public UploadedImages(ModelConfiguration config) {
        this.decoder = new ImageDecoder(config.imageLimits());
    }

    /** The upload's bytes and its decoded, upright picture. */
    public Upload decode(CompletedFileUpload upload) {
        byte[] bytes;
        try {
            if (upload.getSize() > decoder.limits().maxBytes()) {
                throw rejected(new ImageRejectedException(ImageRejectedException.Reason.TOO_LARGE, "upload of "
                        + upload.getSize() + " bytes exceeds the limit of " + decoder.limits().maxBytes() + " bytes"));
            }
            bytes = upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length == 0) {
            throw ProblemException.badRequest("image-empty", "image", "The image part is empty");
        }
        try {
            return new Upload(bytes, decoder.decode(bytes));
        } catch (ImageRejectedException e) {
            throw rejected(e);
        }
    }

    private static ProblemException rejected(ImageRejectedException e) {
        return new ProblemException(HttpStatus.valueOf(e.reason().httpStatus()), "image-" + e.reason().code(), "image",
                "Image refused: " + e.getMessage());
    }

    /** An accepted upload: what was sent, and the picture it holds. */
    public record Upload(byte[] bytes, DecodedImage decoded) {
    }
}
