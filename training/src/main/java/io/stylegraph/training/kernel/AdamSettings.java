package io.stylegraph.training.kernel;

/** Adam (Kingma & Ba) step settings; defaults are PyTorch's. */
public record AdamSettings(float learningRate, float beta1, float beta2, float epsilon) {

    public static AdamSettings withLearningRate(double learningRate) {
        return new AdamSettings((float) learningRate, 0.9f, 0.999f, 1e-8f);
    }

    /** The bias-corrected step size and epsilon for step {@code t} (1-based). */
    float[] correctedStep(int t) {
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        return new float[] {(float) (learningRate / correction1), (float) Math.sqrt(correction2)};
    }
}
