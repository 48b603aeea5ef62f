package io.stylegraph.training.eval;

/** Top-k selection over one row of scores; ties go to the lower item index. */
public final class TopK {

    private TopK() {
    }

    /**
     * Fills {@code out} with the indices of the largest scores in {@code scores[offset .. offset+length)}, best first,
     * skipping NaN and negative-infinity entries; returns how many were written.
     */
    public static int select(float[] scores, int offset, int length, int[] out) {
        int k = out.length;
        float[] best = new float[k];
        int found = 0;
        for (int j = 0; j < length; j++) {
            float s = scores[offset + j];
            if (!(s > Float.NEGATIVE_INFINITY)) {
                continue;
            }
            if (found < k) {
                found++;
            } else if (!(s > best[k - 1])) {
                continue;
            }
            int at = found - 1;
            while (at > 0 && best[at - 1] < s) {
                best[at] = best[at - 1];
                out[at] = out[at - 1];
                at--;
            }
            best[at] = s;
            out[at] = j;
        }
        return found;
    }
}
