package io.stylegraph.graph.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A catalogue written inline in a test: each step feeds the sink in order. */
final class InlineSource implements CatalogueSource {
    private final String name;
    private final List<Consumer<ImportSink>> steps = new ArrayList<>();

    InlineSource(String name) {
        this.name = name;
    }

    InlineSource then(Consumer<ImportSink> step) {
        steps.add(step);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(ImportSink sink) {
        steps.forEach(step -> step.accept(sink));
    }
}
