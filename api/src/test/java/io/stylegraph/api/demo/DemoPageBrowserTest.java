package io.stylegraph.api.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.outfits.OutfitFixtures;
import io.stylegraph.api.search.EmbeddingJob;
import io.stylegraph.graph.imports.GraphImporter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in a real headless Chromium against the running service: a small catalogue with photos, a trained
 * outfit model and a served recommender. Screenshots go to {@code target/browser/} as test artifacts.
 */
@MicronautTest(transactional = false)
@EnabledIf(value = "io.stylegraph.api.demo.HeadlessChromium#installed",
        disabledReason = "needs Chromium and its driver: /usr/bin/chromium and /usr/bin/chromedriver (apt-get install "
                + "chromium chromium-driver) or system properties stylegraph.test.chromium and "
                + "stylegraph.test.chromedriver")
class DemoPageBrowserTest extends ApiTestSupport {
    private static final Path ARTIFACTS = Path.of("target", "browser");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    @Inject
    EmbeddingJob embeddings;

    private Path photos;
    private HeadlessChromium browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            photos = Files.createTempDirectory("demo-photos");
            // the catalogue is written straight through the importer, so no import job names its folder
            properties.put("stylegraph.images.local-roots", photos.toString());
            Path file = Files.createTempDirectory("outfit-model").resolve("outfits.sgoutfit");
            OutfitFixtures.trainModel(file);
            properties.put("stylegraph.outfits.model-file", file.toString());
            properties.put("stylegraph.outfits.title-vector-cache", "");
            properties.put("stylegraph.outfits.pairs-per-item", "0");
            properties.put("stylegraph.training.artifact-dir", Files.createTempDirectory("models").toString());
            properties.put("stylegraph.search.image-dir", Files.createTempDirectory("uploads").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("stylegraph.training.max-epochs", "3");
        properties.put("stylegraph.training.dimension", "8");
        properties.put("stylegraph.tryon.poll-interval", "200ms");
        // the page starts as the embedded service's demo does: a shopper and an app token from POST /v1/demo/sessions
        properties.put("stylegraph.demo.enabled", "true");
        return properties;
    }

    /** Catalogue with photos, embedded for search; 40 shoppers in two taste groups; a served recommender. */
    @BeforeAll
    void catalogueModelsAndIndexes() throws Exception {
        clearGraph();
        new GraphImporter(graph).importFrom(DemoCatalogue.source(DemoCatalogue.items(photos)));
        OutfitFixtures.likeInGenderedTasteGroups(graph);
        catalogue.reload();

        embeddings.requestRun();
        for (int attempt = 0; attempt < 1200 && !"done".equals(embeddings.status().state()); attempt++) {
            assertFalse("failed".equals(embeddings.status().state()), embeddings.status().toString());
            Thread.sleep(100);
        }
        assertEquals("done", embeddings.status().state(), embeddings.status().toString());

        trainAndServe("demo page test");

        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                postJson("/v1/outfits/score", "{\"itemIds\": [\"top-women-0\", \"bottom-women-0\"]}");
                return;
            } catch (HttpClientResponseException notYet) {
                assertEquals(HttpStatus.SERVICE_UNAVAILABLE, notYet.getStatus(), notYet.getMessage());
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the outfit index was not ready within two minutes");
    }

    /** The registry lives in the PostgreSQL all test classes share: later classes must not serve this model. */
    @AfterAll
    void retireTheModel() {
        retireActiveRecommender();
    }

    /** A failed test leaves the page as it was, and what the page said, for whoever reads the build. */
    @RegisterExtension
    final TestExecutionExceptionHandler pageOnFailure = (context, failure) -> {
        if (browser != null) {
            try {
                screenshot(context.getRequiredTestMethod().getName() + "-failure.png");
                failure.addSuppressed(new AssertionError("page messages: " + text(browser.driver, "#messages")
                        + "; console: " + browser.consoleErrors()));
            } catch (IOException | RuntimeException unavailable) {
                failure.addSuppressed(unavailable);
            }
        }
        throw failure;
    };

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void shouldShowNewOutfitsAfterThreeLikesOnThePage() throws IOException {
        WebDriver driver = open(HeadlessChromium.desktop(1280, 1000), "/");
        assertEquals(server.getURL() + "/demo/", driver.getCurrentUrl(), "the root sends browsers to the page");
        String userId = waitForSession(driver);
        waitForOutfits(driver);
        Set<String> before = itemIds(driver, "#outfits");
        assertFalse(before.isEmpty());
        assertEquals("popular", anchorSource(driver), "no likes yet: outfits around popular items");

        List<String> liked = new ArrayList<>();
        for (int like = 0; like < 3; like++) {
            String shown = cardItemId(driver);
            liked.add(shown);
            driver.findElement(By.id("like")).click();
            waitUntil(driver, d -> cardItemId(d) != null && !shown.equals(cardItemId(d)));
        }

        waitUntil(driver, d -> likesOf(userId).size() == 3);
        assertEquals(new HashSet<>(liked), likesOf(userId), "the page recorded the three likes for its user");
        Set<String> expected = outfitItemIds(getJson("/v1/users/" + userId + "/outfits?k=3"));
        waitUntil(driver, d -> itemIds(d, "#outfits").equals(expected) && "likes".equals(anchorSource(d)));
        Set<String> after = itemIds(driver, "#outfits");
        assertNotEquals(before, after, "the outfits changed with the likes");
        assertTrue(after.stream().anyMatch(liked::contains), "the new outfits are built around liked items " + after);
        waitUntil(driver, d -> !itemIds(d, "#recommendations").isEmpty()
                && text(d, "#recommendations-source").startsWith("Picked"));

        screenshot("demo.png");
        assertEquals(List.of(), browserErrors(), "no errors in the browser console");
    }

    @Test
    void shouldShowSimilarItemsShopTheLookAndATryOnFromThePage() throws IOException {
        WebDriver driver = open(HeadlessChromium.desktop(1280, 1000), "/demo/");
        waitForSession(driver);
        waitUntil(driver, d -> cardItemId(d) != null);
        String cardItem = cardItemId(driver);

        driver.findElement(By.cssSelector("#card-holder .card button[aria-label^='Show items similar']")).click();
        waitUntil(driver, d -> !itemIds(d, "#similar").isEmpty());
        Set<String> similar = itemIds(driver, "#similar");
        assertFalse(similar.contains(cardItem), "an item is not similar to itself");
        assertEquals(hitIds(getJson("/v1/items/" + cardItem + "/similar?k=8")), similar);
        waitUntil(driver, d -> "false".equals(d.findElement(By.id("similar")).getDomAttribute("aria-busy")));

        Path person = DemoCatalogue.write(photos.resolve("person.png"), DemoCatalogue.person());
        driver.findElement(By.cssSelector("#shop-form input[type=file]")).sendKeys(person.toString());
        driver.findElement(By.cssSelector("#shop-form button[type=submit]")).click();
        waitUntil(driver, d -> d.findElements(By.cssSelector("#shop-results .region [data-item-id]")).size() > 0);
        Set<String> regions = new HashSet<>(strings(driver,
                "return Array.from(document.querySelectorAll('#shop-results .region'), r => r.dataset.slot)"));
        assertTrue(regions.containsAll(Set.of("top", "bottom")), "the photo's garments were found: " + regions);
        assertTrue(driver.findElement(By.id("shop-photo")).isDisplayed(), "the photo is shown with its regions");

        WebElement top = driver.findElement(By.cssSelector("#shop-results .region[data-slot=top] .tile"));
        String topTitle = top.findElement(By.className("tile-title")).getText();
        top.findElement(By.cssSelector("button[aria-label^='Try on']")).click();
        assertEquals(topTitle, driver.findElement(By.id("tryon-item")).getText());
        driver.findElement(By.cssSelector("#tryon-form input[type=file]")).sendKeys(person.toString());
        driver.findElement(By.id("tryon-submit")).click();
        waitUntil(driver, d -> text(d, "#tryon-status").startsWith("Done")
                || text(d, "#tryon-status").startsWith("Try-on failed"));
        assertTrue(text(driver, "#tryon-status").startsWith("Done"), text(driver, "#tryon-status"));
        Object width = script(driver, "const img = document.getElementById('tryon-result');"
                + "return img.hidden ? 0 : img.naturalWidth;");
        assertEquals(400L, width, "the try-on picture is shown at the photo's size");

        screenshot("demo-tools.png");
        assertEquals(List.of(), browserErrors(), "no errors in the browser console");
    }

    @Test
    void shouldFitAPhoneScreenAndRateAsAPastedUser() throws IOException {
        WebDriver driver = open(HeadlessChromium.phone(390, 844), "/demo/");
        waitForSession(driver);
        String[] pasted = pastedSession();

        driver.findElement(By.cssSelector("#account summary")).click();
        WebElement form = driver.findElement(By.id("account-form"));
        WebElement userField = form.findElement(By.name("userId"));
        userField.clear();
        userField.sendKeys(pasted[0]);
        WebElement tokenField = form.findElement(By.name("token"));
        tokenField.clear();
        tokenField.sendKeys(pasted[1]);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(driver, d -> pasted[0].equals(text(d, "#user-id")));

        waitUntil(driver, d -> cardItemId(d) != null);
        String shown = cardItemId(driver);
        driver.findElement(By.id("like")).click();
        waitUntil(driver, d -> likesOf(pasted[0]).contains(shown));
        waitUntil(driver, d -> "likes".equals(anchorSource(d)) && !itemIds(d, "#outfits").isEmpty());
        assertEquals(390L, script(driver, "return window.innerWidth;"));

        Object overflow = script(driver, "const page = document.documentElement;"
                + "return page.scrollWidth - page.clientWidth;");
        assertEquals(0L, overflow, "nothing sticks out sideways on a phone");
        screenshot("demo-phone.png");
        assertEquals(List.of(), browserErrors(), "no errors in the browser console");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private WebDriver open(HeadlessChromium started, String path) {
        browser = started;
        browser.driver.get(server.getURL() + path);
        return browser.driver;
    }

    private static void waitUntil(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static String waitForSession(WebDriver driver) {
        waitUntil(driver, d -> !text(d, "#user-id").isEmpty() && !"…".equals(text(d, "#user-id")));
        return text(driver, "#user-id");
    }

    private static void waitForOutfits(WebDriver driver) {
        waitUntil(driver, d -> "false".equals(d.findElement(By.id("outfits")).getDomAttribute("aria-busy"))
                && !itemIds(d, "#outfits").isEmpty());
    }

    /** A user id and token the way a deployment hands them out: a demo session where the API has them. */
    private String[] pastedSession() {
        try {
            Map<String, Object> session = readMap(postJson("/v1/demo/sessions", "{}").body());
            return new String[] {(String) session.get("userId"), (String) session.get("token")};
        } catch (HttpClientResponseException absent) {
            assertEquals(HttpStatus.NOT_FOUND, absent.getStatus());
            return new String[] {"pasted-shopper", ""};
        }
    }

    /**
     * The browser's console errors, less the failed {@code POST /v1/demo/sessions} of an API without demo sessions
     * (the page then falls back to a generated user id).
     */
    private List<String> browserErrors() {
        return browser.consoleErrors().stream()
                .filter(message -> !(message.contains("/v1/demo/sessions") && message.contains("404")))
                .toList();
    }

    private static Object script(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(WebDriver driver, String script) {
        return (List<String>) script(driver, script);
    }

    private static Set<String> itemIds(WebDriver driver, String container) {
        return new HashSet<>(strings(driver, "return Array.from(document.querySelectorAll('" + container
                + " .tile[data-item-id]'), e => e.dataset.itemId)"));
    }

    private static String cardItemId(WebDriver driver) {
        return (String) script(driver, "const card = document.querySelector('#card-holder .card');"
                + "return card ? card.dataset.itemId : null;");
    }

    private static String anchorSource(WebDriver driver) {
        return driver.findElement(By.id("outfits")).getDomAttribute("data-anchor-source");
    }

    private static String text(WebDriver driver, String selector) {
        return driver.findElement(By.cssSelector(selector)).getText().strip();
    }

    @SuppressWarnings("unchecked")
    private Set<String> likesOf(String userId) {
        List<Map<String, Object>> opinions = (List<Map<String, Object>>) getJson("/v1/users/" + userId
                + "/feedback?size=50").get("opinions");
        Set<String> liked = new HashSet<>();
        for (Map<String, Object> opinion : opinions) {
            if ("like".equals(opinion.get("signal"))) {
                liked.add((String) opinion.get("targetId"));
            }
        }
        return liked;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> outfitItemIds(Map<String, Object> page) {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> outfit : (List<Map<String, Object>>) page.get("outfits")) {
            for (Map<String, Object> piece : (List<Map<String, Object>>) outfit.get("items")) {
                ids.add((String) ((Map<String, Object>) piece.get("item")).get("id"));
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> hitIds(Map<String, Object> results) {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> hit : (List<Map<String, Object>>) results.get("results")) {
            ids.add((String) ((Map<String, Object>) hit.get("item")).get("id"));
        }
        return ids;
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(ARTIFACTS.resolve(name));
    }
}
