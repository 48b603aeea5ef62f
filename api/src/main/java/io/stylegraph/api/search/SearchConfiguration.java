package io.stylegraph.api.search;

import java.nio.file.Path;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.retrieval.CatalogueEmbedder;
import io.stylegraph.training.search.SearchSettings;

/** How items are embedded, indexed and searched: {@code stylegraph.search.*}. */
@ConfigurationProperties("stylegraph.search")
public class SearchConfiguration {
    private int hnswThreshold = HnswSettings.DEFAULT.threshold();
    private int hnswM = HnswSettings.DEFAULT.m();
    private int hnswEfConstruction = HnswSettings.DEFAULT.efConstruction();
    private int hnswEf = HnswSettings.DEFAULT.ef();
    private int shortlist = SearchSettings.DEFAULT.shortlist();
    private double hybridVisualWeight = SearchSettings.DEFAULT.hybridVisualWeight();
    private double composedTextWeight = SearchSettings.DEFAULT.composedTextWeight();
    private int aqeDepth = SearchSettings.DEFAULT.aqeDepth();
    private int dbaNeighbours = DbaSettings.DEFAULT.neighbours();
    private int dbaCacheSize = DbaSettings.DEFAULT.maxCached();
    private int embedBatchSize = CatalogueEmbedder.DEFAULT_BATCH;
    private boolean embedOnStartup = true;
    private Path imageDir = Path.of("data", "uploads");
    private Path indexDir;

    /** The ranking and index settings as the search library takes them. */
    public SearchSettings settings() {
        return new SearchSettings(shortlist, hybridVisualWeight, composedTextWeight, aqeDepth, hnsw(), dba());
    }

    public HnswSettings hnsw() {
        return new HnswSettings(hnswThreshold, hnswM, hnswEfConstruction, hnswEf);
    }

    public DbaSettings dba() {
        return new DbaSettings(dbaNeighbours, dbaCacheSize);
    }

    /** Items above which the serving index switches from exact scans to an HNSW graph. */
    public int getHnswThreshold() {
        return hnswThreshold;
    }

    public void setHnswThreshold(int hnswThreshold) {
        this.hnswThreshold = hnswThreshold;
    }

    public int getHnswM() {
        return hnswM;
    }

    public void setHnswM(int hnswM) {
        this.hnswM = hnswM;
    }

    public int getHnswEfConstruction() {
        return hnswEfConstruction;
    }

    public void setHnswEfConstruction(int hnswEfConstruction) {
        this.hnswEfConstruction = hnswEfConstruction;
    }

    public int getHnswEf() {
        return hnswEf;
    }

    public void setHnswEf(int hnswEf) {
        this.hnswEf = hnswEf;
    }

    /** Candidates per query part that are re-scored when modalities are fused or DBA applies. */
    public int getShortlist() {
        return shortlist;
    }

    public void setShortlist(int shortlist) {
        this.shortlist = shortlist;
    }

    /** Share of visual similarity in hybrid similarity (the rest is text). */
    public double getHybridVisualWeight() {
        return hybridVisualWeight;
    }

    public void setHybridVisualWeight(double hybridVisualWeight) {
        this.hybridVisualWeight = hybridVisualWeight;
    }

    /** Share of the words in a composed image + text query (the rest is the image). */
    public double getComposedTextWeight() {
        return composedTextWeight;
    }

    public void setComposedTextWeight(double composedTextWeight) {
        this.composedTextWeight = composedTextWeight;
    }

    /** Top results averaged into the query by average query expansion. */
    public int getAqeDepth() {
        return aqeDepth;
    }

    public void setAqeDepth(int aqeDepth) {
        this.aqeDepth = aqeDepth;
    }

    public int getDbaNeighbours() {
        return dbaNeighbours;
    }

    public void setDbaNeighbours(int dbaNeighbours) {
        this.dbaNeighbours = dbaNeighbours;
    }

    public int getDbaCacheSize() {
        return dbaCacheSize;
    }

    public void setDbaCacheSize(int dbaCacheSize) {
        this.dbaCacheSize = dbaCacheSize;
    }

    /** Items embedded and stored per transaction by the embedding job. */
    public int getEmbedBatchSize() {
        return embedBatchSize;
    }

    public void setEmbedBatchSize(int embedBatchSize) {
        this.embedBatchSize = embedBatchSize;
    }

    public boolean isEmbedOnStartup() {
        return embedOnStartup;
    }

    public void setEmbedOnStartup(boolean embedOnStartup) {
        this.embedOnStartup = embedOnStartup;
    }

    /** Where images of items added through the API are stored. */
    public Path getImageDir() {
        return imageDir;
    }

    public void setImageDir(Path imageDir) {
        this.imageDir = imageDir;
    }

    /** Where built HNSW graphs are saved and looked for at start; null: never saved, built at every start. */
    public Path getIndexDir() {
        return indexDir;
    }

    public void setIndexDir(Path indexDir) {
        this.indexDir = indexDir;
    }
}
