package io.stylegraph.training.regions;

/**
 * How well one region source matched the annotated boxes of one slot.
 *
 * @param boxes                annotated boxes of the slot
 * @param predicted            of those, how many photos had a region of the slot from the source
 * @param meanIou              mean IoU over all annotated boxes, 0 where the source gave no region of the slot
 * @param recallAt50           share of annotated boxes matched with IoU at least 0.5
 * @param meanIouWhenPredicted mean IoU over the boxes the source did give a region for (NaN when none)
 */
public record SlotScore(int boxes, int predicted, double meanIou, double recallAt50, double meanIouWhenPredicted) {
}
