package io.stylegraph.api.catalogue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code stylegraph.images.*}: where pictures the service serves may come from. Local files only from inside the
 * folders of imported catalogues, the datasets folder, the upload folder and {@code local-roots}; remote ones
 * ({@code http(s)} addresses in a catalogue) only by a redirect to a host in {@code remote-hosts}, none by default.
 */
@ConfigurationProperties("stylegraph.images")
public class CatalogueImageConfiguration {
    private List<Path> localRoots = List.of();
    private List<String> remoteHosts = List.of();

    /** Further folders whose files may be served, besides the imported catalogues' and the upload folder. */
    public List<Path> getLocalRoots() {
        return localRoots;
    }

    public void setLocalRoots(List<Path> localRoots) {
        this.localRoots = List.copyOf(localRoots);
    }

    /** Hosts an item's remote picture may be redirected to (exact names, case-insensitive); empty: none. */
    public List<String> getRemoteHosts() {
        return remoteHosts;
    }

    public void setRemoteHosts(List<String> remoteHosts) {
        this.remoteHosts = remoteHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .toList();
    }
}
