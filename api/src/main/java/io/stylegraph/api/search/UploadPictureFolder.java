package io.stylegraph.api.search;

import java.nio.file.Path;
import java.util.List;

import io.stylegraph.api.catalogue.PictureFolders;
import jakarta.inject.Singleton;

/** The folder {@link ItemUploads} stores the pictures of added items in ({@code stylegraph.search.image-dir}). */
@Singleton
public class UploadPictureFolder implements PictureFolders {
    private final SearchConfiguration config;

    public UploadPictureFolder(SearchConfiguration config) {
        this.config = config;
    }

    @Override
    public List<Path> fixed() {
        return List.of(config.getImageDir());
    }
}
