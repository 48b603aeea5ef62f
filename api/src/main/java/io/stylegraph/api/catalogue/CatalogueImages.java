package io.stylegraph.api.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.SystemFile;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.graph.imports.ImagePaths;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the pictures the graph points at (items' and looks' {@code image}), but only files inside a folder the
 * service was given pictures in: an imported catalogue's folder, the datasets folder, the upload folder, or a
 * configured {@code stylegraph.images.local-roots} entry, with symbolic links followed. The import already refuses rows
 * whose picture leaves their folder; this check also covers graphs written before that, or by hand. A remote
 * ({@code http(s)}) picture is a redirect only to a host on {@code stylegraph.images.remote-hosts}.
 *
 * <p>A served file carries a strong {@code ETag} (over its path, length and modification time and the size asked for)
 * and {@code Cache-Control: private, max-age=3600}; a request whose {@code If-None-Match} names the tag gets 304
 * without the bytes. {@code size=thumb} serves the picture scaled down by {@link Thumbnails} (a remote picture is
 * redirected to as it is, whatever the size).
 */
@Singleton
public class CatalogueImages {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueImages.class);
    /** A phone may show a picture it holds for an hour before asking again (with If-None-Match). */
    static final String CACHE_CONTROL = "private, max-age=3600";

    private final List<PictureFolders> folders;
    private final List<Path> fixedRoots;
    private final List<String> remoteHosts;
    private final Thumbnails thumbnails;
    private volatile List<Path> roots;

    public CatalogueImages(List<PictureFolders> folders, CatalogueImageConfiguration config, Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
        this.folders = List.copyOf(folders);
        List<Path> fixed = new ArrayList<>();
        folders.forEach(owner -> owner.fixed().forEach(folder -> fixed.add(folder.toAbsolutePath().normalize())));
        config.getLocalRoots().forEach(root -> fixed.add(root.toAbsolutePath().normalize()));
        this.fixedRoots = List.copyOf(fixed);
        this.remoteHosts = config.getRemoteHosts();
        this.roots = fixedRoots;
    }

    /**
     * The picture as a response: the file, or a 303 to an allowed remote host.
     *
     * @param field the path variable to name in a 404 ({@code itemId}, {@code photoId})
     * @param what  for the message, e.g. "item fp-1"
     */
    public HttpResponse<?> serve(String image, String field, String what) {
        return serve(image, field, what, ImageSize.FULL, null);
    }

    /**
     * The picture in the size asked for, or 304 when {@code request}'s {@code If-None-Match} names its current tag.
     *
     * @param request the request, for its {@code If-None-Match}; null answers every call in full
     */
    public HttpResponse<?> serve(String image, String field, String what, ImageSize size,
                                 @Nullable HttpRequest<?> request) {
        if (image == null) {
            throw ProblemException.notFound("no-image", field, "The " + what + " has no image");
        }
        if (ImagePaths.isRemote(image)) {
            return redirect(image, field, what);
        }
        Path path;
        try {
            path = Path.of(image).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw notAvailable(field, what);
        }
        if (!Files.isRegularFile(path)) {
            throw ProblemException.notFound("no-image", field, "The image of the " + what + " is not on disk");
        }
        if (!ImagePaths.isInside(path, roots) && !ImagePaths.isInside(path, refreshRoots())) {
            LOG.warn("Refused to serve the image of the {}: {} is outside every catalogue and upload folder", what,
                    path);
            throw notAvailable(field, what);
        }
        try {
            String tag = EntityTags.of(false, path.toString(), Long.toString(Files.size(path)),
                    Long.toString(Files.getLastModifiedTime(path).toMillis()), size.wireName());
            if (EntityTags.notModified(request, tag)) {
                return HttpResponse.notModified().header(HttpHeaders.ETAG, tag)
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            }
            Optional<Thumbnails.Thumbnail> thumbnail = size == ImageSize.THUMB ? thumbnails.of(path, tag)
                    : Optional.empty();
            if (thumbnail.isPresent()) {
                return HttpResponse.ok(thumbnail.get().bytes()).contentType(thumbnail.get().type())
                        .header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            }
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            MediaType type = name.endsWith(".png") ? MediaType.IMAGE_PNG_TYPE
                    : name.endsWith(".webp") ? MediaType.of("image/webp") : MediaType.IMAGE_JPEG_TYPE;
            return HttpResponse.ok(new SystemFile(path.toFile(), type)).header(HttpHeaders.ETAG, tag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the image of the " + what, e);
        }
    }

    private HttpResponse<?> redirect(String image, String field, String what) {
        URI uri;
        try {
            uri = URI.create(image);
        } catch (IllegalArgumentException e) {
            throw notAvailable(field, what);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getUserInfo() != null || !remoteHosts.contains(host)) {
            throw notAvailable(field, what);
        }
        return HttpResponse.seeOther(uri);
    }

    private static ProblemException notAvailable(String field, String what) {
        return ProblemException.notFound("image-not-available", field, "The image of the " + what
                + " is not available from this service");
    }

    /** The fixed roots plus every folder imported so far; read again when a picture is outside the known ones. */
    private List<Path> refreshRoots() {
        List<Path> fresh = new ArrayList<>(fixedRoots);
        for (PictureFolders owner : folders) {
            for (String folder : owner.added()) {
                try {
                    fresh.add(Path.of(folder).toAbsolutePath().normalize());
                } catch (InvalidPathException e) {
                    // a job row that names no usable folder holds no pictures
                }
            }
        }
        roots = List.copyOf(fresh);
        return roots;
    }
}
