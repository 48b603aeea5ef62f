package io.stylegraph.training.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Dense int ids for external string ids, assigned in order of first appearance. */
public final class IdIndex {

    private final Map<String, Integer> byExternalId = new HashMap<>();
    private final List<String> externalIds = new ArrayList<>();

    public static IdIndex of(List<String> externalIds) {
        IdIndex index = new IdIndex();
        externalIds.forEach(index::intern);
        return index;
    }

    /** The int id of {@code externalId}, assigning the next one if it is new. */
    public int intern(String externalId) {
        Integer id = byExternalId.get(externalId);
        if (id != null) {
            return id;
        }
        int next = externalIds.size();
        byExternalId.put(externalId, next);
        externalIds.add(externalId);
        return next;
    }

    public OptionalInt find(String externalId) {
        Integer id = byExternalId.get(externalId);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public String externalId(int id) {
        return externalIds.get(id);
    }

    public int size() {
        return externalIds.size();
    }

    public List<String> externalIds() {
        return List.copyOf(externalIds);
    }
}
