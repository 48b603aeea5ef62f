package io.stylegraph.api.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/**
 * Entity tags for conditional GETs: a phone that holds a response sends its {@code ETag} back as
 * {@code If-None-Match} and gets 304 without a body while the resource is unchanged. Tags compare weakly (RFC 9110
 * section 13.1.2): {@code W/"x"} matches {@code "x"}, and {@code *} matches anything.
 */
public final class EntityTags {
    private EntityTags() {
    }

    /** A quoted tag over the given parts: the same parts always give the same tag, in every replica. */
    public static String of(boolean weak, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            String tag = "\"" + HexFormat.of().formatHex(digest.digest(), 0, 12) + "\"";
            return weak ? "W/" + tag : tag;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the request's {@code If-None-Match} names this tag, so the answer is 304 Not Modified. */
    public static boolean notModified(@Nullable HttpRequest<?> request, String tag) {
        if (request == null) {
            return false;
        }
        String header = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (header == null || header.isBlank()) {
            return false;
        }
        String wanted = opaque(tag);
        for (String candidate : header.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
