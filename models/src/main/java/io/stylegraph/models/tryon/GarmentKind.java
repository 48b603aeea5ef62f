package io.stylegraph.models.tryon;

/** Where on the body a garment is worn, which decides the region of the person photo it is fitted to. */
public enum GarmentKind {
    /** Tops and outerwear: shoulders to hips. */
    UPPER,
    /** Trousers, skirts, shorts: hips to ankles. */
    LOWER,
    /** Dresses and other one-piece garments: shoulders to below the knees. */
    FULL_BODY
}
