package io.stylegraph.client

import com.squareup.moshi.Json
import com.squareup.moshi.Types
import io.stylegraph.client.infrastructure.Serializer
import io.stylegraph.client.model.ItemView

/**
 * A garment region found on the device (e.g. by an on-device detector), in pixels of the upright photo, for shop
 * the look's `boxes` part. That part is JSON text in the API: the generated client sends a list-valued form field as
 * one part per element, where the service reads one part holding the whole array, so write the part with
 * [toBoxesPart] and pass the text: `looks.shopTheLook(image = photo, boxes = listOf(box).toBoxesPart())`.
 */
data class GarmentBox(
    @Json(name = "slot") val slot: ItemView.Slot?,
    @Json(name = "x0") val x0: Double,
    @Json(name = "y0") val y0: Double,
    @Json(name = "x1") val x1: Double,
    @Json(name = "y1") val y1: Double,
    @Json(name = "confidence") val confidence: Double? = null,
)

/** The `boxes` part: this list as a JSON array. */
fun List<GarmentBox>.toBoxesPart(): String = Serializer.moshi
    .adapter<List<GarmentBox>>(Types.newParameterizedType(List::class.java, GarmentBox::class.java))
    .toJson(this)
