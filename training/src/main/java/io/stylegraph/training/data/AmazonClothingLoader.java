package io.stylegraph.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/**
 * Loads {@code amazon-clothing/interactions.csv.gz} with its fixed {@code split.csv.gz} (same rows, same order), and
 * when present {@code items.csv.gz} ({@code item_id,brand,categories}): each item's content terms are its category
 * names ({@code category:<name>}, an unordered set) and its brand ({@code brand:<name>}). User and item ids are
 * numbered in order of first appearance in the interactions file.
 */
public final class AmazonClothingLoader {

    public static final String NAME = "amazon-clothing";

    public Dataset load(Path dataDir) {
        Path dir = dataDir.resolve(NAME);
        Path interactionsFile = dir.resolve("interactions.csv.gz");
        Path splitFile = dir.resolve("split.csv.gz");
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        IntPairs train = new IntPairs();
        IntPairs valid = new IntPairs();
        IntPairs test = new IntPairs();
        try (BufferedReader interactions = gzipReader(interactionsFile);
             BufferedReader splits = gzipReader(splitFile)) {
            requireHeader(interactions.readLine(), "user_id,item_id,position", interactionsFile);
            requireHeader(splits.readLine(), "user_id,item_id,split", splitFile);
            String interactionLine;
            long row = 1;
            while ((interactionLine = interactions.readLine()) != null) {
                row++;
                String splitLine = splits.readLine();
                if (splitLine == null) {
                    throw new IllegalStateException(splitFile + " ends before row " + row + " of " + interactionsFile);
                }
                String[] interaction = interactionLine.split(",", -1);
                String[] split = splitLine.split(",", -1);
                if (interaction.length != 3 || split.length != 3
                        || !interaction[0].equals(split[0]) || !interaction[1].equals(split[1])) {
                    throw new IllegalStateException("row " + row + " differs between interactions and split files");
                }
                int user = users.intern(interaction[0]);
                int item = items.intern(interaction[1]);
                switch (split[2]) {
                    case "train" -> train.add(user, item);
                    case "valid" -> valid.add(user, item);
                    case "test" -> test.add(user, item);
                    default -> throw new IllegalStateException("row " + row + ": unknown split '" + split[2] + "'");
                }
            }
            if (splits.readLine() != null) {
                throw new IllegalStateException(splitFile + " has more rows than " + interactionsFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        int numUsers = users.size();
        int numItems = items.size();
        Split split = new Split(train.toMatrix(numUsers, numItems), valid.toMatrix(numUsers, numItems),
                test.toMatrix(numUsers, numItems));
        Path itemsFile = dir.resolve("items.csv.gz");
        List<List<String>> terms = Files.exists(itemsFile) ? itemTerms(itemsFile, items) : List.of();
        return new Dataset(NAME, users, items, split, InteractionMatrix.empty(numUsers, numItems), terms);
    }

    /**
     * Each user's train items in sequence order, read from {@code split.csv.gz} (whose rows follow each user's
     * sequence), on the id spaces of a dataset this loader loaded. The split's matrices keep no order; a cold-start
     * protocol that knows a user by their first likes needs it.
     */
    public static int[][] trainSequences(Path dataDir, IdIndex users, IdIndex items) {
        Path splitFile = dataDir.resolve(NAME).resolve("split.csv.gz");
        List<List<Integer>> sequences = new ArrayList<>(users.size());
        for (int u = 0; u < users.size(); u++) {
            sequences.add(new ArrayList<>());
        }
        try (BufferedReader splits = gzipReader(splitFile)) {
            requireHeader(splits.readLine(), "user_id,item_id,split", splitFile);
            String line;
            long row = 1;
            while ((line = splits.readLine()) != null) {
                row++;
                String[] fields = line.split(",", -1);
                if (fields.length != 3) {
                    throw new IllegalStateException(splitFile + " line " + row + ": expected 3 fields");
                }
                if (!"train".equals(fields[2])) {
                    continue;
                }
                OptionalInt user = users.find(fields[0]);
                OptionalInt item = items.find(fields[1]);
                if (user.isEmpty() || item.isEmpty()) {
                    throw new IllegalStateException(splitFile + " line " + row + ": user or item unknown to the "
                            + "dataset");
                }
                sequences.get(user.getAsInt()).add(item.getAsInt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + splitFile, e);
        }
        int[][] out = new int[users.size()][];
        for (int u = 0; u < out.length; u++) {
            out[u] = sequences.get(u).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /**
     * Each known item's terms from the items file; items the file does not name get none. A row that cannot be read
     * (wrong column count, an item named twice) stops the load with its file and line: a benchmark must not run on
     * silently different content.
     */
    static List<List<String>> itemTerms(Path file, IdIndex items) {
        List<List<String>> terms = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            terms.add(List.of());
        }
        boolean[] seen = new boolean[items.size()];
        try (BufferedReader reader = gzipReader(file)) {
            requireHeader(reader.readLine(), "item_id,brand,categories", file);
            String line;
            long row = 1;
            while ((line = reader.readLine()) != null) {
                row++;
                List<String> fields = CsvLine.split(line);
                if (fields == null || fields.size() != 3) {
                    throw new IllegalStateException(file + " line " + row + ": expected 3 fields");
                }
                OptionalInt item = items.find(fields.get(0));
                if (item.isEmpty()) {
                    continue; // an item nobody liked carries no signal here
                }
                if (seen[item.getAsInt()]) {
                    throw new IllegalStateException(file + " line " + row + ": item " + fields.get(0)
                            + " named twice");
                }
                seen[item.getAsInt()] = true;
                List<String> itemTerms = new ArrayList<>();
                for (String category : fields.get(2).split("\\|")) {
                    if (!category.isBlank()) {
                        itemTerms.add("category:" + category.strip());
                    }
                }
                if (!fields.get(1).isBlank()) {
                    itemTerms.add("brand:" + fields.get(1).strip());
                }
                terms.set(item.getAsInt(), List.copyOf(itemTerms));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return terms;
    }

    private static BufferedReader gzipReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void requireHeader(String header, String expected, Path file) {
        if (!expected.equals(header)) {
            throw new IllegalStateException(file + ": expected header '" + expected + "' but found '" + header + "'");
        }
    }

    private static final class IntPairs {
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private int count;

        void add(int user, int item) {
            if (count == users.length) {
                users = Arrays.copyOf(users, count * 2);
                items = Arrays.copyOf(items, count * 2);
            }
            users[count] = user;
            items[count] = item;
            count++;
        }

        InteractionMatrix toMatrix(int numUsers, int numItems) {
            return InteractionMatrix.fromPairs(numUsers, numItems, users, items, count);
        }
    }
}
