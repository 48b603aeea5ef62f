package io.stylegraph.client

import io.stylegraph.client.infrastructure.Serializer
import io.stylegraph.client.model.FeedbackAccepted
import io.stylegraph.client.model.ItemView
import io.stylegraph.client.model.NewLookItem
import io.stylegraph.client.model.RecommendationPage
import io.stylegraph.client.model.TryOnJobView
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull

/** An app installed today must read answers of a newer server: enum values it does not know yet must not crash it. */
class KotlinClientUnknownValuesTest {

    @Test
    fun shouldReadAStrategyAddedLaterAsUnknown() {
        val page = assertNotNull(Serializer.moshi.adapter(RecommendationPage::class.java)
                .fromJson("""{"userId": "ann", "items": [], "strategy": "a-strategy-from-next-year"}"""))
        assertEquals(RecommendationPage.Strategy.UNKNOWN_DEFAULT_OPEN_API, page.strategy)
    }

    @Test
    fun shouldReadASlotAndASignalAddedLaterAsUnknown() {
        val item = assertNotNull(Serializer.moshi.adapter(ItemView::class.java).fromJson(
                """{"id": "x", "attributes": {}, "likes": 0, "dislikes": 0, "categories": [], "slot": "hat"}"""))
        assertEquals(ItemView.Slot.UNKNOWN_DEFAULT_OPEN_API, item.slot)
        val accepted = assertNotNull(Serializer.moshi.adapter(FeedbackAccepted::class.java).fromJson(
                """{"eventId": 1, "targetId": "x", "duplicate": false, "projected": true, "signal": "superlike"}"""))
        assertEquals(FeedbackAccepted.Signal.UNKNOWN_DEFAULT_OPEN_API, accepted.signal)
    }

    @Test
    fun shouldLeaveAnOptionalEnumOutWhenNullAndReadANullAsNull() {
        val item = Serializer.moshi.adapter(NewLookItem::class.java).toJson(NewLookItem(itemId = "bottom-3"))
        assertEquals("""{"itemId":"bottom-3"}""", item)
        val read = assertNotNull(Serializer.moshi.adapter(ItemView::class.java).fromJson(
                """{"id": "x", "attributes": {}, "likes": 0, "dislikes": 0, "categories": [], "gender": null}"""))
        assertNull(read.gender)
    }

    @Test
    fun shouldStillReadTheKnownValues() {
        val item = assertNotNull(Serializer.moshi.adapter(ItemView::class.java).fromJson(
                """{"id": "x", "attributes": {}, "likes": 0, "dislikes": 0, "categories": [], "slot": "shoes"}"""))
        assertEquals(ItemView.Slot.SHOES, item.slot)
        val job = """{"jobId": "j", "status": "queued", "itemId": "top-1", "userId": "ann", "engine": "warp", """ +
                """"placement": "default", "attempts": 0, "attemptErrors": [], "createdAt": "2026-01-01T00:00:00Z", "timings": {}}"""
        assertEquals(TryOnJobView.Status.QUEUED, Serializer.moshi.adapter(TryOnJobView::class.java).fromJson(job)?.status)
    }
}
