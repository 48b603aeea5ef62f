package io.stylegraph.training.outfit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Polyvore Outfits (disjoint) as outfits for the compatibility model. Items have no content: the type is the
 * category (11 of them, so there are 66 pair subspaces), the item id is the Polyvore item id from
 * {@code items.json} ({@code <category>/<index>} when that file is absent), and a model can learn only from
 * categories and from which items occur together.
 */
public final class DisjointData {

    public static final String FOLDER = "polyvore-outfits-disjoint";

    /** The files of one split: positives and negatives, row i of each with the same category sequence. */
    public record Split(List<OutfitRecord> positives, List<OutfitRecord> negatives) {
    }

    private DisjointData() {
    }

    public static List<List<String>> itemIds(Path folder) throws IOException {
        Path file = folder.resolve("items.json");
        return Files.isRegularFile(file) ? DisjointOutfitReader.readItems(file) : null;
    }

    public static Split split(Path folder, String split, List<List<String>> itemIds) throws IOException {
        return new Split(read(MarylandData.require(folder, split + "_pos"), itemIds),
                read(MarylandData.require(folder, split + "_neg"), itemIds));
    }

    public static List<OutfitRecord> read(Path file, List<List<String>> itemIds) throws IOException {
        List<DisjointOutfitReader.Row> rows = DisjointOutfitReader.read(file);
        String name = file.getFileName().toString();
        List<OutfitRecord> outfits = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            DisjointOutfitReader.Row row = rows.get(r);
            List<ItemVectors> items = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                int category = row.categories()[i];
                int index = row.indices()[i];
                String id;
                if (itemIds != null) {
                    List<String> ids = itemIds.get(category);
                    if (index >= ids.size()) {
                        throw new OutfitFileException(name, r + 1, "item index " + index + " is outside category "
                                + DisjointOutfitReader.CATEGORIES.get(category) + " (" + ids.size() + " items)");
                    }
                    id = ids.get(index);
                } else {
                    id = category + "/" + index;
                }
                items.add(ItemVectors.of(id, DisjointOutfitReader.CATEGORIES.get(category), null));
            }
            outfits.add(new OutfitRecord(name + ":" + (r + 1), items));
        }
        return outfits;
    }

    /** How many item occurrences of {@code outfits} are items that occur in {@code training}. */
    public static long seenOccurrences(List<OutfitRecord> outfits, List<OutfitRecord> training) {
        Set<String> seen = new HashSet<>();
        training.forEach(o -> o.items().forEach(i -> seen.add(i.id())));
        return outfits.stream().flatMap(o -> o.items().stream()).filter(i -> seen.contains(i.id())).count();
    }

    /** How many rows of the two lists have the same type sequence (the negatives' construction in this data). */
    public static int sameTypeSequence(List<OutfitRecord> positives, List<OutfitRecord> negatives) {
        int same = 0;
        for (int i = 0; i < Math.min(positives.size(), negatives.size()); i++) {
            if (Arrays.equals(types(positives.get(i)), types(negatives.get(i)))) {
                same++;
            }
        }
        return same;
    }

    private static String[] types(OutfitRecord outfit) {
        return outfit.items().stream().map(ItemVectors::type).toArray(String[]::new);
    }
}
