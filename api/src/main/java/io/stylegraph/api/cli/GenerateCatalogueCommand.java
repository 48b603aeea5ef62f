package io.stylegraph.api.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.stylegraph.graph.imports.synthetic.SyntheticCatalogue;
import io.stylegraph.models.classical.ColourGradientDescriptor;
import io.stylegraph.models.text.MiniLmTextEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate-catalogue", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic catalogue in the generic import format (items, precomputed vectors, users, "
                + "outfits, likes and dislikes as JSON Lines) into --out, for measuring how cost grows with size. "
                + "Power-law item popularity and user activity, vectors clustered by category and style, likes that "
                + "follow each user's one or two taste clusters. The same options give the same bytes. Import it "
                + "with: stylegraph import --path DIR"})
public class GenerateCatalogueCommand implements Callable<Integer> {
    @Option(names = "--items", required = true, description = "Number of items.")
    long items;

    @Option(names = "--users", required = true, description = "Number of users.")
    long users;

    @Option(names = "--likes", required = true, description = "Number of likes (dislikes come on top, about 10 %).")
    long likes;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--outfits", description = "Number of outfits to draw (default: one per 200 items).")
    Long outfits;

    @Option(names = "--dimension", defaultValue = "32",
            description = "Length of the visual and text vectors (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--visual-dimension", description = "Length of the visual vectors (default: --dimension).")
    Integer visualDimension;

    @Option(names = "--text-dimension", description = "Length of the text vectors (default: --dimension).")
    Integer textDimension;

    @Option(names = "--visual-model", defaultValue = SyntheticCatalogue.VISUAL_MODEL,
            description = "Model named for the visual vectors; name the service's image encoder (and give its "
                    + "dimension) to have the embedding job keep the imported vectors (default: ${DEFAULT-VALUE}).")
    String visualModel;

    @Option(names = "--text-model", defaultValue = SyntheticCatalogue.TEXT_MODEL,
            description = "Model named for the text vectors, as --visual-model (default: ${DEFAULT-VALUE}).")
    String textModel;

    @Option(names = "--service-encoders",
            description = "Name the service's built-in encoders (the colour-gradient descriptor with its default "
                    + "settings and MiniLM) with their dimensions for the visual and text vectors, so the embedding "
                    + "job keeps the imported vectors instead of embedding every item again (overrides the model and "
                    + "dimension options).")
    boolean serviceEncoders;

    @Option(names = "--out", required = true, description = "Folder to write into (created; must not hold catalogue files).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (serviceEncoders) {
            ColourGradientDescriptor visual = new ColourGradientDescriptor();
            visualModel = visual.modelId();
            visualDimension = visual.dimension();
            textModel = MiniLmTextEncoder.MODEL_ID;
            textDimension = MiniLmTextEncoder.DIMENSION;
        }
        SyntheticCatalogue.Settings settings;
        try {
            settings = new SyntheticCatalogue.Settings(items, users, likes, seed,
                    outfits != null ? outfits : items / 200, visualDimension != null ? visualDimension : dimension,
                    textDimension != null ? textDimension : dimension, visualModel, textModel);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        long[] lastPrint = {0};
        SyntheticCatalogue.Progress progress = (phase, done, total) -> {
            long now = System.nanoTime();
            if (done == total || now - lastPrint[0] > 2_000_000_000L) {
                lastPrint[0] = now;
                System.out.printf(Locale.ROOT, "%6.1f s  %-8s %,d / %,d%n", (now - start) / 1e9, phase, done, total);
            }
        };
        SyntheticCatalogue.Summary summary = new SyntheticCatalogue(settings, progress).write(out);
        System.out.printf(Locale.ROOT, "Wrote %,d items, %,d users, %,d likes, %,d dislikes, %,d outfits in %d "
                        + "categories to %s in %.1f s%n", summary.items(), summary.users(), summary.likes(),
                summary.dislikes(), summary.outfits(), summary.categories(), out.toAbsolutePath().normalize(),
                summary.elapsed().toMillis() / 1000.0);
        summary.fileBytes().forEach((name, bytes) ->
                System.out.printf(Locale.ROOT, "  %-20s %,15d bytes%n", name, bytes));
        System.out.printf(Locale.ROOT, "  %-20s %,15d bytes%n", "total", summary.totalBytes());
        return 0;
    }
}
