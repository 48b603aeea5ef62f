package io.stylegraph.models.tryon;

import java.awt.image.BufferedImage;

/**
 * The built-in preview: the garment cut out of its product photo ({@link GarmentCutout}), warped onto the body
 * region of the person photo ({@link Placement}, {@link PerspectiveWarp}) and composited with its soft alpha
 * ({@link Compositor}). Works offline, deterministic (same inputs, same PNG bytes); the output has the person
 * photo's size, and pixels outside the region are the person photo's own.
 */
public final class WarpTryOnEngine implements TryOnEngine {
    public static final String NAME = "warp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TryOnImage render(TryOnRequest request) throws TryOnException {
        try {
            return new TryOnImage(ImageBytes.png(composite(request)), "image/png");
        } catch (IllegalArgumentException e) {
            // a region collapsed to a line (a box outside the photo, keypoints on top of each other)
            throw TryOnException.permanent("tryon-bad-region", e.getMessage());
        }
    }

    /** The composited picture before encoding. */
    public BufferedImage composite(TryOnRequest request) {
        BufferedImage person = request.person();
        int w = person.getWidth();
        int h = person.getHeight();
        Quad region = request.placement().regionFor(request.kind(), w, h);
        GarmentCutout.Cutout cutout = GarmentCutout.cut(request.garment());
        BufferedImage layer = PerspectiveWarp.warp(cutout.image(), region, w, h);
        return Compositor.over(person, layer);
    }
}
