/**
 * Outfit compatibility: which items go together, learned from outfits ({@code CONTAINS}).
 *
 * <p>The model ({@link io.stylegraph.training.outfit.TypeAwareModel}) follows the idea of type-aware embeddings
 * (Vasileva et al., ECCV 2018) in its own form: every item is mapped into one general space from its content vectors
 * (the text vector of its name, optionally visual vectors and trained recommender embeddings, see
 * {@link io.stylegraph.training.outfit.ExtraVectors}) plus learned type and category embeddings; each pair of types
 * (slot pair, e.g. top–shoes) compares two items in its own subspace, a learned per-dimension weighting (mask) of
 * the general space. An outfit's score is the mean of its pair scores, so the weakest pair can be named.
 *
 * <p>It is trained ({@link io.stylegraph.training.outfit.TypeAwareTrainer}) to rank a real outfit above partly
 * wrong versions of it: items are swapped for items of the same slot (and sometimes of any slot) from other
 * outfits, and an outfit with fewer wrong items must score higher than one with more, which teaches degrees of
 * compatibility rather than a yes/no. A share of the examples can instead be blank-filling questions (the hidden
 * item against replacements in a softmax, {@link io.stylegraph.training.outfit.TypeAwareConfig#blankShare()});
 * {@link io.stylegraph.training.outfit.TypeAwareConfig#served()} is what the service trains.
 * The trainer's parts: {@code TypeAwareSampler} draws the examples, {@code TypeAwareLoss} holds both losses with
 * their hand-written gradients and the Adam step; the model's vocabularies are {@code TypeAwareVocabulary} and its
 * file format {@code TypeAwareModelFile}.
 *
 * <p>{@link io.stylegraph.training.outfit.OutfitBenchmark} and
 * {@link io.stylegraph.training.outfit.CompatibilityMetrics} hold the measurement: fill-in-the-blank accuracy and
 * compatibility AUC, each beside a random scorer; {@link io.stylegraph.training.outfit.CompleteTheLook} ranks a whole
 * pool of items for each outfit with one item hidden (acc@k), through
 * {@link io.stylegraph.training.outfit.CompatibilityModel#poolScorer}, which for the type-aware model is the
 * {@link io.stylegraph.training.outfit.CompatibilityIndex} the service ranks its catalogue with. Readers for the Polyvore files are
 * {@link io.stylegraph.training.outfit.MarylandOutfitReader} and
 * {@link io.stylegraph.training.outfit.DisjointOutfitReader}; {@link io.stylegraph.training.outfit.OutfitEvaluation}
 * runs the whole benchmark and {@code evaluate-outfits} (training/cli) writes its report.
 *
 * <p>Over a catalogue ({@link io.stylegraph.training.outfit.OutfitCatalogue}: the model's
 * {@link io.stylegraph.training.outfit.CompatibilityIndex} plus each item's slot, gender and occasion),
 * {@link io.stylegraph.training.outfit.OutfitBuilder} builds, completes and scores outfits greedily in the slots of
 * {@link io.stylegraph.training.outfit.OutfitTemplates} under a shopper's rules and
 * {@link io.stylegraph.training.outfit.PreferenceScorer}, and
 * {@link io.stylegraph.training.outfit.OutfitPairs} mines each item's strongest partners. Both are plain algorithms:
 * the service reads the catalogue and the shopper and writes the results.
 */
package io.stylegraph.training.outfit;
