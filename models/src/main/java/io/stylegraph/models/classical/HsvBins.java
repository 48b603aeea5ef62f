package io.stylegraph.models.classical;

/**
 * Quantizes an RGB colour into 52 perceptual bins. Dark and washed-out pixels have no reliable hue, so they go to
 * four achromatic bins by brightness (black, dark grey, light grey, white); the rest fall into 12 hue sectors of
 * 30 degrees (red centred on sector 0) times 2 saturation levels times 2 brightness levels.
 */
final class HsvBins {

    static final int ACHROMATIC = 4;
    static final int HUES = 12;
    static final int COUNT = ACHROMATIC + HUES * 4;

    private static final float DARK = 0.2f;
    private static final float GREYISH = 0.15f;

    private HsvBins() {
    }

    static int of(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        float value = max / 255f;
        float saturation = max == 0 ? 0 : (max - min) / (float) max;
        if (value < DARK) {
            return 0;
        }
        if (saturation < GREYISH) {
            return value < 0.45f ? 1 : value < 0.8f ? 2 : 3;
        }
        int hueSector = (int) (((hueDegrees(r, g, b, max, min) + 15f) % 360f) / 30f) % HUES;
        int saturationLevel = saturation < 0.55f ? 0 : 1;
        int valueLevel = value < 0.6f ? 0 : 1;
        return chromatic(hueSector, saturationLevel, valueLevel);
    }

    static int chromatic(int hueSector, int saturationLevel, int valueLevel) {
        return ACHROMATIC + hueSector * 4 + saturationLevel * 2 + valueLevel;
    }

    private static float hueDegrees(int r, int g, int b, int max, int min) {
        float delta = max - min;
        float hue;
        if (max == r) {
            hue = 60f * ((g - b) / delta);
        } else if (max == g) {
            hue = 60f * ((b - r) / delta + 2f);
        } else {
            hue = 60f * ((r - g) / delta + 4f);
        }
        return hue < 0 ? hue + 360f : hue;
    }
}
