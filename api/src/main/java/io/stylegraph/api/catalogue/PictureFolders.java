package io.stylegraph.api.catalogue;

import java.nio.file.Path;
import java.util.List;

/**
 * Folders the service put or found pictures in, whose files {@link CatalogueImages} may serve. Implemented by the
 * packages that own the folders (imports: the datasets folder and every imported folder; search: the upload folder),
 * so the catalogue does not depend on them.
 */
public interface PictureFolders {

    /** Folders known from configuration, read once at start. */
    List<Path> fixed();

    /** Folders that appear while the service runs (imports), read again when a picture is outside the known ones. */
    default List<String> added() {
        return List.of();
    }
}
