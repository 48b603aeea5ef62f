package io.stylegraph.client

import com.squareup.moshi.Types
import io.stylegraph.client.infrastructure.Serializer
import io.stylegraph.client.model.ModelVersionView
import io.stylegraph.training.job.ContentBlendSelection
import io.stylegraph.training.job.WalkBlendSelection
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull

/**
 * A model version's metrics read as typed properties. The document is written the way a training run writes it: the
 * content blend's and the item walk's trials by the training module's own `toMetadata()`.
 */
class KotlinClientModelMetricsTest {
    private val anyMap = Serializer.moshi.adapter<Map<String, Any?>>(
            Types.newParameterizedType(Map::class.java, String::class.java, Any::class.java))

    private fun version(metrics: Map<String, Any?>): ModelVersionView {
        val json = """{"id": 7, "kind": "recommender", "status": "active", "artifactPath": "/models/7", """ +
                """"parameters": {"dimension": 64}, "dataSnapshot": {"users": 10}, "seed": 1, "metrics": """ +
                anyMap.toJson(metrics) + "}"
        return assertNotNull(Serializer.moshi.adapter(ModelVersionView::class.java).fromJson(json))
    }

    @Test
    fun shouldReadTheFiguresAndTheChosenBlendsAsTypedProperties() {
        val blend = ContentBlendSelection.Choice(0.4, 0.6, mapOf("visual" to 0.7, "text" to 0.3), 120,
                listOf(ContentBlendSelection.Trial("known", 0.4, 0.21, 0.12))).toMetadata()
        val walkTrial = WalkBlendSelection.Trial("fold-in", 0.5, 2.0, 0.25, 0.14).toMetadata()
        val walk = mapOf("knownUserWeight" to 0.0, "knownUserExponent" to 1.0, "foldInUserWeight" to 0.5,
                "foldInUserExponent" to 2.0, "parameters" to mapOf("k" to 50), "neighbours" to 900,
                "chosenOn" to "validation Recall@20", "validationUsers" to 120, "trials" to listOf(walkTrial))

        val metrics = version(mapOf("validation" to mapOf("Recall@20" to 0.2, "NDCG@20" to 0.1),
                "test" to mapOf("Recall@20" to 0.18), "contentBlend" to blend, "itemWalk" to walk,
                "addedNextYear" to mapOf("x" to 1))).metrics

        assertEquals(0.2, metrics.validation?.get("Recall@20"))
        assertEquals(0.18, metrics.test?.get("Recall@20"))
        val content = assertNotNull(metrics.contentBlend)
        assertEquals(0.6, content.foldInUserWeight)
        assertEquals(mapOf("visual" to 0.7, "text" to 0.3), content.modalities)
        assertEquals(0.21, content.trials.single().recallAt20)
        assertEquals(0.12, content.trials.single().ndCGAt20)
        assertNull(content.trials.single().exponent)
        val itemWalk = assertNotNull(metrics.itemWalk)
        assertEquals(2.0, itemWalk.foldInUserExponent)
        assertEquals(900, itemWalk.neighbours)
        assertEquals(2.0, itemWalk.trials.single().exponent)
        assertEquals(0.25, itemWalk.trials.single().recallAt20)
    }

    @Test
    fun shouldReadTheMetricsOfAVersionWithoutBlends() {
        val metrics = version(mapOf("validation" to mapOf("Recall@20" to 0.2))).metrics
        assertEquals(mapOf("Recall@20" to 0.2), metrics.validation)
        assertNull(metrics.contentBlend)
        assertNull(metrics.itemWalk)
    }
}
