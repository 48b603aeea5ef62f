package io.stylegraph.models.tryon;

/** A rendered try-on: encoded image bytes and their media type ({@code image/png} or {@code image/jpeg}). */
public record TryOnImage(byte[] bytes, String mediaType) {
}
