package io.stylegraph.api.cli;

import picocli.CommandLine.Command;

@Command(name = "stylegraph", mixinStandardHelpOptions = true, version = "stylegraph 0.1.0",
        description = "Graph-based multimodal fashion recommender service.",
        subcommands = {ServeCommand.class, ImportCommandLine.class, TrainCommand.class,
                io.stylegraph.training.cli.EvaluateCommand.class, EvaluateRetrievalCommand.class,
                BenchTextEncoderCommand.class, io.stylegraph.training.cli.EvaluateOutfitsCommand.class,
                io.stylegraph.training.cli.EvaluateRegionsCommand.class, ImportLooksCommand.class, TokenCommand.class,
                GenerateCatalogueCommand.class,
                io.stylegraph.training.cli.BenchRecommendationsAnnCommand.class,
                io.stylegraph.training.cli.BenchTrainingScaleCommand.class})
public class StylegraphCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
