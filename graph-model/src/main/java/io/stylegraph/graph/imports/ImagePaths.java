package io.stylegraph.graph.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/**
 * Keeps a catalogue's picture paths inside its folder. A row names its picture relative to the folder it was imported
 * from; an absolute path, a {@code ..} that climbs out, or a symbolic link that points out would otherwise let whoever
 * wrote the catalogue have the service serve any file it can read.
 */
public final class ImagePaths {
    private ImagePaths() {
    }

    /** True for an {@code http://} or {@code https://} address. */
    public static boolean isRemote(String image) {
        String lower = image.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * The absolute, normalised path of {@code image} inside {@code folder}.
     *
     * @throws IllegalArgumentException with the reason, when it is absolute, climbs out of the folder, or is (or passes
     *                                  through) a link to a place outside it
     */
    public static Path insideFolder(Path folder, String image) {
        Path root = folder.toAbsolutePath().normalize();
        Path relative;
        try {
            relative = Path.of(image);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("image is not a valid path: " + e.getMessage());
        }
        if (relative.isAbsolute() || image.startsWith("/") || image.startsWith("\\")) {
            throw new IllegalArgumentException("image must be a path relative to the catalogue folder, not an "
                    + "absolute one");
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("image must stay inside the catalogue folder ('..' climbs out of it)");
        }
        if (Files.exists(resolved) && !isInside(resolved, java.util.List.of(root))) {
            throw new IllegalArgumentException("image is a link to a file outside the catalogue folder");
        }
        return resolved;
    }

    /**
     * True when {@code file} exists and, with every symbolic link followed, lies inside one of {@code roots} (also
     * followed).
     */
    public static boolean isInside(Path file, Collection<Path> roots) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException | RuntimeException e) {
            return false;
        }
        for (Path root : roots) {
            try {
                if (real.startsWith(root.toRealPath())) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // a root that does not exist holds nothing
            }
        }
        return false;
    }
}
