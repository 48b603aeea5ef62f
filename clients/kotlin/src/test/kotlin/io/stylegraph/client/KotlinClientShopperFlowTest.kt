package io.stylegraph.client

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.stylegraph.api.Application
import io.stylegraph.api.infra.EmbeddedInfrastructure
import io.stylegraph.api.security.DemoConfiguration
import io.stylegraph.api.security.SigningSecret
import io.stylegraph.client.api.DemoApi
import io.stylegraph.client.api.FeedbackApi
import io.stylegraph.client.api.OutfitsApi
import io.stylegraph.client.api.RecommendationsApi
import io.stylegraph.client.api.SearchApi
import io.stylegraph.client.api.ShopTheLookApi
import io.stylegraph.client.api.TryOnApi
import io.stylegraph.client.model.TryOnJobView
import io.stylegraph.client.infrastructure.ApiClient
import io.stylegraph.client.infrastructure.ClientException
import io.stylegraph.client.model.FeedbackAccepted
import io.stylegraph.client.model.FeedbackCommand
import io.stylegraph.client.model.ItemView
import io.stylegraph.client.model.OpinionView
import io.stylegraph.api.security.Roles
import io.stylegraph.api.security.TokenIssuer
import io.stylegraph.client.model.BoxView
import io.stylegraph.client.model.LookViewFeatured
import io.stylegraph.client.model.NewItem
import io.stylegraph.client.model.NewLook
import io.stylegraph.client.model.NewLookItem
import io.stylegraph.client.model.OutfitViewsFilledSlot
import io.stylegraph.client.model.RegionMatches
import io.stylegraph.client.model.SearchResults
import io.stylegraph.client.model.EmbeddingStatus
import io.stylegraph.client.model.TryOnKeypoints
import java.time.Duration
import io.stylegraph.client.model.OutfitViewsOutfitItem
import io.stylegraph.client.model.OutfitViewsOutfitItems
import io.stylegraph.client.model.OutfitViewsOutfitPage
import io.stylegraph.client.model.Problem
import io.stylegraph.client.api.CatalogueApi
import io.stylegraph.api.catalogue.CatalogueCache
import io.stylegraph.graph.domain.Slot
import io.stylegraph.models.text.MiniLmTextEncoder
import io.stylegraph.training.outfit.ItemVectors
import io.stylegraph.training.outfit.OutfitRecord
import io.stylegraph.training.outfit.ServingModelTrainer
import io.stylegraph.training.outfit.TypeAwareConfig
import io.stylegraph.training.outfit.TypeAwareTrainer
import io.stylegraph.client.infrastructure.Serializer
import io.stylegraph.client.model.ItemPage
import okhttp3.Cache
import okhttp3.OkHttpClient
import okhttp3.Request
import java.util.zip.GZIPInputStream
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.awt.Color
import java.awt.image.BufferedImage
import java.nio.file.Files
import java.nio.file.Path
import java.util.UUID
import javax.imageio.ImageIO
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import kotlin.test.fail

/**
 * Drives the real service (embedded Neo4j and PostgreSQL, in this JVM, on a free port, with a small catalogue this
 * test writes) through the generated Kotlin client the way the Android app does: a new shopper with a token, the feed
 * page by page, likes and dislikes with client event ids, undo, recommendations, outfits and complete-the-look (from
 * a small outfit model the test trains), similar items, text search and the typed problems of bad calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KotlinClientShopperFlowTest {
    private lateinit var dataDirectory: Path
    private lateinit var stores: EmbeddedInfrastructure
    private lateinit var context: ApplicationContext
    private lateinit var baseUrl: String
    private val http = OkHttpClient()

    @BeforeAll
    fun startService() {
        dataDirectory = Files.createTempDirectory("stylegraph-kotlin-client")
        val catalogue = writeCatalogue(dataDirectory.resolve("catalogue"))
        val outfitModel = dataDirectory.resolve("models/outfits.sgoutfit")
        trainOutfitModel(outfitModel)
        stores = EmbeddedInfrastructure(dataDirectory.resolve("stores")).startNeo4j("127.0.0.1", 0).startPostgres()
        val properties = HashMap<String, Any>(stores.properties())
        properties["micronaut.server.port"] = -1
        properties[DemoConfiguration.ENABLED] = true
        properties[SigningSecret.PROPERTY] = "kotlin-client-test-secret-" + UUID.randomUUID()
        properties["stylegraph.catalog.path"] = catalogue.toString()
        properties["stylegraph.datasets-dir"] = dataDirectory.resolve("datasets").toString()
        properties["stylegraph.training.artifact-dir"] = dataDirectory.resolve("models").toString()
        properties["stylegraph.search.image-dir"] = dataDirectory.resolve("uploads").toString()
        properties["stylegraph.search.index-dir"] = dataDirectory.resolve("indexes").toString()
        properties["stylegraph.training.auto.enabled"] = false
        properties["stylegraph.rate-limit.enabled"] = false
        // outfits from the small model trained above; no title vector file, two PAIRS_WITH edges an item
        properties["stylegraph.outfits.model-file"] = outfitModel.toString()
        properties["stylegraph.outfits.title-vector-cache"] = ""
        properties["stylegraph.outfits.pairs-per-item"] = 2
        context = ApplicationContext.builder().mainClass(Application::class.java).properties(properties).start()
        val server = context.getBean(EmbeddedServer::class.java).start()
        baseUrl = "http://localhost:${server.port}"
    }

    @AfterAll
    fun stopService() {
        if (::context.isInitialized && context.isRunning) {
            context.close()
        }
        if (::stores.isInitialized) {
            stores.close()
        }
    }

    /** A new shopper as the app gets one: a demo session, then every call with that shopper's bearer token. */
    private fun newShopper(): Shopper {
        val session = DemoApi(baseUrl, http).create()
        assertTrue(session.userId.isNotBlank())
        return Shopper(session.userId, session.token)
    }

    private inner class Shopper(val id: String, val token: String) {
        private fun <T : ApiClient> signed(api: T): T = api.apply { accessTokenProvider = { token } }
        val feedback = signed(FeedbackApi(baseUrl, http))
        val catalogue = signed(CatalogueApi(baseUrl, http))
        val recommendations = signed(RecommendationsApi(baseUrl, http))
        val outfits = signed(OutfitsApi(baseUrl, http))
        val search = signed(SearchApi(baseUrl, http))
        val looks = signed(ShopTheLookApi(baseUrl, http))
        val tryOn = signed(TryOnApi(baseUrl, http))
    }

    @Test
    fun shouldServeTheShopperFlowThroughTheGeneratedClient() {
        val shopper = newShopper()

        // the feed, page by page with its cursor: no card twice, and typed slots
        val first = shopper.feedback.feed(shopper.id, limit = 8)
        assertEquals(8, first.items.size)
        val cursor = assertNotNull(first.nextCursor, "a full first page has a next cursor")
        val second = shopper.feedback.feed(shopper.id, limit = 8, cursor = cursor)
        assertTrue(second.items.isNotEmpty())
        assertTrue(second.items.none { card -> first.items.any { it.id == card.id } }, "the second page repeats no card")
        assertTrue(first.items.all { it.slot != null && it.slot != ItemView.Slot.UNKNOWN_DEFAULT_OPEN_API })

        // a like, sent twice with the same client event id (a retry after a lost answer): counted once
        val liked = first.items[0]
        val like = FeedbackCommand(signal = FeedbackCommand.Signal.LIKE, itemId = liked.id,
                clientEventId = "kotlin-${UUID.randomUUID()}")
        val accepted = shopper.feedback.like(shopper.id, like)
        assertEquals(FeedbackAccepted.Signal.LIKE, accepted.signal)
        assertFalse(accepted.duplicate)
        val retried = shopper.feedback.like(shopper.id, like)
        assertTrue(retried.duplicate, "the retried send is recognised")
        assertEquals(accepted.eventId, retried.eventId, "the retry is the same event, not a second like")

        // a second like and a dislike; then the dislike undone
        val alsoLiked = first.items[1]
        shopper.feedback.like(shopper.id, FeedbackCommand(signal = FeedbackCommand.Signal.LIKE,
                itemId = alsoLiked.id, clientEventId = "kotlin-${UUID.randomUUID()}"))
        val disliked = first.items[2]
        val dislike = shopper.feedback.like(shopper.id, FeedbackCommand(signal = FeedbackCommand.Signal.DISLIKE,
                itemId = disliked.id, clientEventId = "kotlin-${UUID.randomUUID()}"))
        assertEquals(FeedbackAccepted.Signal.DISLIKE, dislike.signal)
        val opinionPage = shopper.feedback.opinions(shopper.id)
        assertEquals(3L, opinionPage.total, "two likes and a dislike, the retried like counted once")
        val opinions = opinionPage.opinions.associateBy { it.targetId }
        assertEquals(OpinionView.Signal.LIKE, opinions[liked.id]?.signal)
        assertEquals(OpinionView.Signal.DISLIKE, opinions[disliked.id]?.signal)
        val undone = shopper.feedback.undo(shopper.id, disliked.id)
        assertEquals(FeedbackAccepted.Signal.UNDO, undone.signal)
        assertEquals(FeedbackAccepted.TargetType.ITEM, undone.targetType)
        val afterUndo = shopper.feedback.opinions(shopper.id).opinions.map { it.targetId }
        assertFalse(disliked.id in afterUndo, "the undone dislike is gone")
        assertTrue(liked.id in afterUndo)

        // recommendations: typed strategy, nothing the shopper already liked
        val recommended = shopper.recommendations.recommendations(shopper.id, k = 5)
        assertTrue(recommended.items.isNotEmpty())
        assertNotNull(recommended.strategy)
        assertNotEquals(io.stylegraph.client.model.RecommendationPage.Strategy.UNKNOWN_DEFAULT_OPEN_API,
                recommended.strategy)
        assertTrue(recommended.items.none { it.item.id == liked.id || it.item.id == alsoLiked.id })

        // outfits around the shopper's likes, from the small model the test service serves: one item a slot each
        awaitOutfits(shopper)
        val outfitPage = shopper.outfits.forUser(shopper.id, k = 2)
        assertEquals(OutfitViewsOutfitPage.AnchorSource.LIKES, outfitPage.anchorSource)
        assertTrue(outfitPage.outfits.isNotEmpty(), "outfits for a shopper with likes")
        for (outfit in outfitPage.outfits) {
            assertTrue(outfit.items.size >= 2, "an outfit of at least two pieces: $outfit")
            assertEquals(outfit.items.size, outfit.items.map { it.slot }.toSet().size, "one item a slot: $outfit")
            assertTrue(outfit.items.none { it.slot == OutfitViewsOutfitItem.Slot.UNKNOWN_DEFAULT_OPEN_API })
            assertTrue(outfit.items.any { it.item.id == outfit.anchorItemId }, "the anchor is in its outfit")
        }
        assertTrue(outfitPage.outfits.all { it.anchorItemId == liked.id || it.anchorItemId == alsoLiked.id },
                "outfits are built around the likes: ${outfitPage.outfits.map { it.anchorItemId }}")

        // complete the look: a women's top gets the slots it lacks, none of them a top, the seed never offered back
        val seed = "top-0"
        val completed = shopper.outfits.complete(OutfitViewsOutfitItems(itemIds = listOf(seed), userId = shopper.id))
        assertTrue(completed.filled.isNotEmpty(), "slots filled around $seed")
        assertTrue(completed.filled.none { it.slot == OutfitViewsFilledSlot.Slot.TOP }, "${completed.filled}")
        assertTrue(completed.filled.all { it.itemId != null && it.itemId != seed }, "${completed.filled}")
        assertTrue(completed.filled.all { slot -> slot.alternatives.none { it.item.id == seed } })
        assertTrue(completed.outfit.items.any { it.item.id == seed }, "the completed outfit keeps the seed")
        val filledIds = completed.filled.mapNotNull { it.itemId }
        assertTrue(completed.outfit.items.map { it.item.id }.containsAll(filledIds))
        assertTrue(completed.outfit.items.filter { it.item.id in filledIds }.all { it.item.gender != ItemView.Gender.MEN },
                "a women's top is completed with women's or unisex pieces: ${completed.outfit.items}")

        // only the slots asked for, as typed values
        val shoesOnly = shopper.outfits.complete(OutfitViewsOutfitItems(itemIds = listOf(seed),
                slots = listOf(OutfitViewsOutfitItems.Slots.SHOES)))
        assertEquals(listOf(OutfitViewsFilledSlot.Slot.SHOES), shoesOnly.filled.map { it.slot })
        assertTrue(shoesOnly.filled[0].itemId!!.startsWith("shoes-"), "${shoesOnly.filled}")

        // similar items and text search (the items are embedded in the background at start-up)
        awaitEmbedded(shopper)
        val similar = shopper.search.similar(liked.id, k = 5)
        assertTrue(similar.results.isNotEmpty())
        assertTrue(similar.results.none { it.item.id == liked.id }, "an item is not similar to itself")
        val found = shopper.search.search("blue denim jeans", k = 3)
        assertTrue(found.results.any { it.item.id == "bottom-0" }, "the jeans are among the first three: ${found.results}")
        assertTrue(found.results.all { it.item.slot != null })

        // typed filters: a slot, a modality and the re-ranking switches as booleans
        val denimBottoms = shopper.search.search("denim", k = 3, slot = SearchApi.SlotSearch.BOTTOM, aqe = true,
                dba = false)
        assertTrue(denimBottoms.results.isNotEmpty())
        assertTrue(denimBottoms.results.all { it.item.slot == ItemView.Slot.BOTTOM }, "${denimBottoms.results}")
        assertTrue(denimBottoms.aqe)
        val byText = shopper.search.similar(liked.id, k = 3, modality = SearchApi.ModalitySimilar.TEXT,
                gender = SearchApi.GenderSimilar.WOMEN)
        assertEquals(SearchResults.Modality.TEXT, byText.modality)
        assertTrue(byText.results.all { it.item.gender == ItemView.Gender.WOMEN || it.item.gender == ItemView.Gender.UNISEX },
                "${byText.results}")
    }

    /** A raw call, as the app's own OkHttp would send it, with the shopper's token. */
    private fun rawGet(shopper: Shopper, path: String, vararg headers: Pair<String, String>): okhttp3.Response {
        val request = Request.Builder().url(baseUrl + path).header("Authorization", "Bearer ${shopper.token}")
        headers.forEach { (name, value) -> request.header(name, value) }
        return http.newCall(request.build()).execute()
    }

    @Test
    fun shouldSendCompressedJsonAndRevalidateCachedItemsAndPicturesLikeAPhone() {
        val shopper = newShopper()

        // gzip: a call that asks for gzip itself gets the packed body and its Content-Encoding (OkHttp unpacks only
        // what it asked for on its own, as the generated client's calls do)
        rawGet(shopper, "/v1/items?size=24", "Accept-Encoding" to "gzip").use { packed ->
            assertEquals(200, packed.code)
            assertEquals("gzip", packed.header("Content-Encoding"))
            val json = GZIPInputStream(packed.body!!.byteStream()).use { it.readBytes().decodeToString() }
            val page = assertNotNull(Serializer.moshi.adapter(ItemPage::class.java).fromJson(json))
            assertEquals(24, page.items.size)
            assertTrue(json.length > 4096, "a list of a few kilobytes: ${json.length}")
        }

        // ETag: an OkHttp cache, as an Android app configures one, keeps the item and asks again with If-None-Match;
        // the service answers 304 and the client reads the item from its cache
        val networkCodes = mutableListOf<Int>()
        val cachingHttp = OkHttpClient.Builder()
                .cache(Cache(Files.createTempDirectory(dataDirectory, "okhttp-cache").toFile(), 10L * 1024 * 1024))
                .addNetworkInterceptor { chain -> chain.proceed(chain.request()).also { networkCodes.add(it.code) } }
                .build()
        val cachingCatalogue = CatalogueApi(baseUrl, cachingHttp).apply { accessTokenProvider = { shopper.token } }
        val item = cachingCatalogue.item("top-1")
        val again = cachingCatalogue.item("top-1")
        assertEquals(item, again)
        assertEquals(listOf(200, 304), networkCodes, "the second read is a revalidation answered 304")

        // picture sizes through the generated client's typed enum: thumb is at most 256 px on its longest side
        val thumb = ImageIO.read(shopper.catalogue.image("top-1", CatalogueApi.PropertySizeImage.THUMB))
        assertEquals(192, thumb.width)
        assertEquals(256, thumb.height)
        val full = ImageIO.read(shopper.catalogue.image("top-1", CatalogueApi.PropertySizeImage.FULL))
        assertEquals(300, full.width)
        assertEquals(400, full.height)

        // a picture's tag answers 304 without the bytes
        val tag = rawGet(shopper, "/v1/items/top-1/image?size=thumb").use { answer ->
            assertEquals("private, max-age=3600", answer.header("Cache-Control"))
            assertNotNull(answer.header("ETag"))
        }
        rawGet(shopper, "/v1/items/top-1/image?size=thumb", "If-None-Match" to tag).use { answer ->
            assertEquals(304, answer.code)
            assertEquals(0, answer.body!!.bytes().size)
        }

        // a size the API does not list is a typed problem naming the parameter
        rawGet(shopper, "/v1/items/top-1/image?size=huge").use { answer ->
            assertEquals(400, answer.code)
            val problem = assertNotNull(Serializer.moshi.adapter(Problem::class.java).fromJson(answer.body!!.string()))
            assertEquals("size", problem.field)
            assertEquals("invalid-field", problem.code)
        }
    }

    @Test
    fun shouldKeepTheFeedCursorsNextPageWhenOtherShoppersLikesMoveTheOrder() {
        val shopper = newShopper()
        val wholeOrder = shopper.feedback.feed(shopper.id, limit = 24).items.map { it.id }
        val first = shopper.feedback.feed(shopper.id, limit = 6)
        val cursor = assertNotNull(first.nextCursor)
        val second = shopper.feedback.feed(shopper.id, limit = 6, cursor = cursor).items.map { it.id }

        // three other shoppers like the last cards of this shopper's order: once the catalogue is read again those
        // items lead the popularity ranking, and a fresh feed is another order
        repeat(3) {
            val other = newShopper()
            for (itemId in wholeOrder.takeLast(4)) {
                other.feedback.like(other.id, FeedbackCommand(signal = FeedbackCommand.Signal.LIKE, itemId = itemId,
                        clientEventId = "kotlin-${UUID.randomUUID()}"))
            }
        }
        assertTrue(context.getBean(CatalogueCache::class.java).reload())
        assertNotEquals(wholeOrder, shopper.feedback.feed(shopper.id, limit = 24).items.map { it.id },
                "the likes moved the order")

        assertEquals(second, shopper.feedback.feed(shopper.id, limit = 6, cursor = cursor).items.map { it.id },
                "the cursor gives the page it gave before")
    }

    /** A photo the test draws: a grey backdrop with a figure in a red top over blue trousers. */
    private fun personPhoto(): java.io.File {
        val photo = BufferedImage(240, 360, BufferedImage.TYPE_INT_RGB)
        val g = photo.createGraphics()
        g.color = Color(200, 200, 200)
        g.fillRect(0, 0, 240, 360)
        g.color = Color(230, 190, 160)
        g.fillOval(95, 20, 50, 60)
        g.color = Color.RED
        g.fillRect(70, 85, 100, 110)
        g.color = Color.BLUE
        g.fillRect(80, 195, 80, 150)
        g.dispose()
        val file = Files.createTempFile(dataDirectory, "person", ".png").toFile()
        ImageIO.write(photo, "png", file)
        return file
    }

    @Test
    fun shouldSearchByPictureShopTheLookAndTryAnItemOnThroughTheGeneratedClient() {
        val shopper = newShopper()
        awaitEmbedded(shopper)

        // image search: a catalogue photo finds its item first among the bottoms (one picture per colour and slot)
        val jeansPhoto = dataDirectory.resolve("catalogue/images/bottom-0.png").toFile()
        val byPicture = shopper.search.searchByImage(image = jeansPhoto, k = 3, slot = SearchApi.SlotSearchByImage.BOTTOM)
        assertEquals("bottom-0", byPicture.results.first().item.id, "${byPicture.results}")

        // shop the look: regions of a person photo (body proportions: this service has no detector), each with items
        val look = shopper.looks.shopTheLook(k = 2, image = personPhoto())
        assertEquals(240, look.width)
        assertEquals(360, look.height)
        assertTrue(look.regions.isNotEmpty(), "regions of a standing figure")
        assertTrue(look.regions.any { it.results.isNotEmpty() }, "items for the regions: ${look.regions}")
        assertTrue(look.regions.all { it.results.size <= 2 }, "at most k items a region: ${look.regions}")

        // shop the look with the regions the phone found itself, written by the typed helper: one region each
        val boxes = listOf(GarmentBox(ItemView.Slot.TOP, 70.0, 85.0, 170.0, 195.0, confidence = 0.9),
                GarmentBox(ItemView.Slot.BOTTOM, 80.0, 195.0, 160.0, 345.0))
        val ownBoxes = shopper.looks.shopTheLook(image = personPhoto(), k = 2, boxes = boxes.toBoxesPart())
        assertEquals(listOf(RegionMatches.Slot.TOP, RegionMatches.Slot.BOTTOM), ownBoxes.regions.map { it.slot })
        assertEquals(BoxView(70.0, 85.0, 170.0, 195.0), ownBoxes.regions[0].box)
        assertTrue(ownBoxes.regions[1].results.all { it.item.slot == ItemView.Slot.BOTTOM }, "${ownBoxes.regions}")

        // try-on with the built-in engine: submitted, polled to done, its picture fetched
        // the box a typed JSON part
        val accepted = shopper.tryOn.submit(person = personPhoto(), itemId = "top-1",
                box = BoxView(70.0, 85.0, 170.0, 195.0), userId = shopper.id)
        var job = shopper.tryOn.job1(accepted.jobId)
        repeat(600) {
            if (job.status == TryOnJobView.Status.DONE || job.status == TryOnJobView.Status.FAILED) {
                return@repeat
            }
            Thread.sleep(200)
            job = shopper.tryOn.job1(accepted.jobId)
        }
        assertEquals(TryOnJobView.Status.DONE, job.status, "the try-on ended as $job")
        assertEquals(TryOnJobView.Placement.BOX, job.placement)
        val tried = ImageIO.read(shopper.tryOn.image1(accepted.jobId))
        assertEquals(240, tried.width)
        assertEquals(360, tried.height)
        assertEquals(Color(200, 200, 200).rgb, tried.getRGB(5, 5), "outside the box the photo is untouched")
    }

    @Test
    fun shouldSendTypedJsonPartsThroughTheGeneratedClient() {
        val shopper = newShopper()
        awaitEmbedded(shopper)

        // try-on keypoints as a typed part: the job places the garment by them
        val keypoints = TryOnKeypoints(leftShoulder = listOf(165.0, 90.0), rightShoulder = listOf(75.0, 90.0),
                leftHip = listOf(155.0, 195.0), rightHip = listOf(85.0, 195.0))
        val byKeypoints = shopper.tryOn.submit(person = personPhoto(), itemId = "top-2", keypoints = keypoints)
        assertEquals(TryOnJobView.Placement.KEYPOINTS, shopper.tryOn.job1(byKeypoints.jobId).placement)

        // a malformed part still answers a typed problem naming it: keypoints outside the photo
        val outside = problemOf {
            shopper.tryOn.submit(person = personPhoto(), itemId = "top-2",
                    keypoints = keypoints.copy(leftHip = listOf(5000.0, 195.0)))
        }
        assertEquals("keypoints", outside.field)
        assertEquals("invalid-keypoints", outside.code)

        // an admin adds an item and saves a look, the item and the look typed JSON parts
        val admin = context.getBean(TokenIssuer::class.java)
                .issue("kotlin-admin", listOf(Roles.ADMIN), Duration.ofHours(1)).token
        val adminCatalogue = CatalogueApi(baseUrl, http).apply { accessTokenProvider = { admin } }
        val added = adminCatalogue.add(item = NewItem(title = "Navy wool coat", id = "coat-kotlin",
                slot = NewItem.Slot.OUTERWEAR, gender = NewItem.Gender.UNISEX, colour = "navy",
                attributes = mapOf("usage" to "Formal")), image = dataDirectory.resolve("catalogue/images/top-4.png").toFile())
        assertEquals("coat-kotlin", added.id)
        assertEquals(ItemView.Slot.OUTERWEAR, added.slot)
        assertEquals(ItemView.Gender.UNISEX, added.gender)
        assertEquals("Formal", added.attributes["usage"])

        val adminLooks = ShopTheLookApi(baseUrl, http).apply { accessTokenProvider = { admin } }
        val saved = adminLooks.save(look = NewLook(photoId = "kotlin-look", items = listOf(
                NewLookItem(itemId = "top-1", slot = NewLookItem.Slot.TOP, box = listOf(70.0, 85.0, 170.0, 195.0)),
                NewLookItem(itemId = "bottom-3"))), image = personPhoto())
        assertEquals("kotlin-look", saved.photoId)
        val featured = shopper.looks.look("kotlin-look").items.associateBy { it.itemId }
        assertEquals(setOf("top-1", "bottom-3"), featured.keys)
        assertEquals(LookViewFeatured.Slot.TOP, featured.getValue("top-1").slot)
        assertEquals(listOf(70.0, 85.0, 170.0, 195.0), featured.getValue("top-1").box)
    }

    @Test
    fun shouldAnswerBadCallsWithTypedProblems() {
        val shopper = newShopper()

        val unknownItem = problemOf { shopper.catalogue.item("no-such-item") }
        assertEquals(404, unknownItem.status)
        assertEquals("unknown-item", unknownItem.code)

        val tooLong = problemOf { shopper.feedback.feed(shopper.id, limit = 1000) }
        assertEquals(400, tooLong.status)
        assertEquals("limit", tooLong.field)

        val unknownTarget = problemOf {
            shopper.feedback.like(shopper.id, FeedbackCommand(signal = FeedbackCommand.Signal.LIKE,
                    itemId = "no-such-item", clientEventId = "kotlin-${UUID.randomUUID()}"))
        }
        assertEquals(404, unknownTarget.status)
        assertEquals("itemId", unknownTarget.field)

        val someoneElse = newShopper()
        val notYours = problemOf { shopper.feedback.feed(someoneElse.id) }
        assertEquals(403, notYours.status)
        assertTrue(notYours.code.isNotBlank())
    }

    private fun problemOf(call: () -> Any): Problem {
        try {
            val answer = call()
            fail("expected a problem, got $answer")
        } catch (e: ClientException) {
            return assertNotNull(e.problem(), "a problem document for ${e.statusCode}: ${e.message}")
        }
    }

    private fun awaitOutfits(shopper: Shopper) {
        repeat(600) {
            val status = shopper.outfits.status()
            if (status.state == "ready") {
                return
            }
            assertFalse(status.state.startsWith("failed"), "the outfit model failed: ${status.state}")
            Thread.sleep(200)
        }
        fail("the outfit model was not served within two minutes")
    }

    private fun awaitEmbedded(shopper: Shopper) {
        repeat(1200) {
            val status = shopper.search.searchStatus()
            if (status.state == EmbeddingStatus.State.DONE && status.embedded >= status.items) {
                return
            }
            assertTrue(status.error == null, "embedding failed: ${status.error}")
            Thread.sleep(200)
        }
        fail("the catalogue was not embedded within four minutes")
    }

    private data class CatalogueItem(val id: String, val slot: Slot, val title: String)

    /** What [writeCatalogue] wrote: the items' ids, slots and titles. */
    private val catalogueItems = mutableListOf<CatalogueItem>()

    /**
     * A small compatibility model, trained the way the api tests train theirs (the real MiniLM title vectors, the
     * type-aware trainer at 16 dimensions for 8 epochs, a few seconds), on outfits of this catalogue's titles: one
     * gender each (even and odd colours), a top, a bottom and shoes, or a dress and shoes.
     */
    private fun trainOutfitModel(file: Path) {
        Files.createDirectories(file.parent)
        MiniLmTextEncoder().use { encoder ->
            val vectors = encoder.encode(catalogueItems.map { it.title })
            val byId = catalogueItems.indices.associate { catalogueItems[it].id to vectors[it] }
            fun piece(outfit: Int, slot: String, colour: Int): ItemVectors {
                val item = catalogueItems.first { it.id == "$slot-${colour % 6}" }
                return ItemVectors("train-$outfit-$slot", ItemVectors.typeOf(item.slot), null,
                        mapOf(ItemVectors.TEXT to byId.getValue(item.id)))
            }
            val outfits = (0 until 48).map { o ->
                val colour = o % 6
                val shift = 2 * (o / 6)
                val pieces = if (o % 3 == 0) listOf(piece(o, "dress", colour), piece(o, "shoes", colour + shift))
                else listOf(piece(o, "top", colour), piece(o, "bottom", colour + shift), piece(o, "shoes", colour + shift + 2))
                OutfitRecord("train-$o", pieces)
            }
            TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(16).withEpochs(8)).train(outfits, null)
                    .withParameters(mapOf(ServingModelTrainer.TEXT_ENCODER to encoder.modelId()))
                    .save(file)
        }
    }

    /** Items of four slots with product photos, a few shoppers' likes and outfits, in the generic import format. */
    private fun writeCatalogue(folder: Path): Path {
        Files.createDirectories(folder.resolve("images"))
        val kinds = listOf(
                Triple("top", "Shirts", listOf("white linen shirt", "red cotton t-shirt", "green wool jumper",
                        "striped silk blouse", "black knit top", "yellow polo shirt")),
                Triple("bottom", "Trousers", listOf("blue denim jeans", "beige chino trousers", "black pleated skirt",
                        "grey wool trousers", "light blue denim shorts", "olive cargo pants")),
                Triple("shoes", "Shoes", listOf("black leather boots", "white canvas sneakers", "brown suede loafers",
                        "red high heels", "navy running shoes", "tan sandals")),
                Triple("dress", "Dresses", listOf("floral summer dress", "black evening gown", "red wrap dress",
                        "green midi dress", "blue denim dress", "white lace dress")))
        val colours = listOf(Color.WHITE, Color.RED, Color.GREEN, Color.MAGENTA, Color.BLACK, Color.YELLOW)
        val items = StringBuilder()
        val ids = mutableMapOf<String, List<String>>()
        for ((slot, category, titles) in kinds) {
            ids[slot] = titles.mapIndexed { i, title ->
                val id = "$slot-$i"
                // product photos of 300 x 400 px: larger than a thumbnail
                val image = BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB)
                val g = image.createGraphics()
                g.color = Color(235, 235, 235)
                g.fillRect(0, 0, 300, 400)
                g.color = colours[i]
                g.fillRect(50 + i * 6, 50, 200 - i * 12, 300)
                g.dispose()
                ImageIO.write(image, "png", folder.resolve("images/$id.png").toFile())
                catalogueItems.add(CatalogueItem(id, Slot.parse(slot).orElseThrow(), title.replaceFirstChar { it.uppercase() }))
                items.append("""{"id": "$id", "title": "${title.replaceFirstChar { it.uppercase() }}", """)
                        .append(""""description": "A $title", "category": "$category", "slot": "$slot", """)
                        .append(""""gender": "${if (i % 2 == 0) "women" else "men"}", "image": "images/$id.png"}""")
                        .append('\n')
                id
            }
        }
        Files.writeString(folder.resolve("items.jsonl"), items)
        val interactions = StringBuilder()
        for (user in 0 until 8) {
            for (slot in listOf("top", "bottom", "shoes")) {
                val item = ids.getValue(slot)[(user + slot.length) % 6]
                interactions.append("""{"user_id": "kotlin-seed-$user", "item_id": "$item", "signal": "like"}""")
                        .append('\n')
            }
        }
        Files.writeString(folder.resolve("interactions.jsonl"), interactions)
        val outfits = (0 until 6).joinToString("\n") { i ->
            """{"id": "outfit-$i", "items": [{"itemId": "top-$i", "slot": "top"}, """ +
                    """{"itemId": "bottom-${(i + 1) % 6}", "slot": "bottom"}, {"itemId": "shoes-${(i + 2) % 6}", "slot": "shoes"}]}"""
        }
        Files.writeString(folder.resolve("outfits.jsonl"), outfits + "\n")
        return folder
    }
}
