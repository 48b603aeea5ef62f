package io.stylegraph.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Loads {@code amazon-clothing/interactions.csv.gz} with its fixed {@code split.csv.gz} (same rows, same order).
 * User and item ids are numbered in order of first appearance in the interactions file.
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
        return new Dataset(NAME, users, items, split, InteractionMatrix.empty(numUsers, numItems));
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
