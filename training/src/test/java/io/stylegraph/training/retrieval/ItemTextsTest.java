package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ItemTextsTest {

    @Test
    void shouldJoinTheNonBlankPartsOnce() {
        assertEquals("Blue denim shirt. Shirts. Blue. Casual wear",
                ItemTexts.of(" Blue denim shirt ", "Shirts", "Blue", "Casual wear"));
        assertEquals("Shirts. Casual", ItemTexts.of(null, "Shirts", "shirts", "Casual"));
        assertEquals("", ItemTexts.of(null, " ", null, ""));
    }

    @Test
    void shouldAddBrandAndTheCategoryNamesNotAlreadySaid() {
        assertEquals("Skechers · Fashion Sneakers · Women. Fashion Sneakers. Skechers. Comfort Shoes, Shoes, Women, "
                        + "Clothing, Shoes & Jewelry",
                ItemTexts.of("Skechers · Fashion Sneakers · Women", "Fashion Sneakers", null, null, "Skechers",
                        List.of("Fashion Sneakers", "Skechers", "Comfort Shoes", "Shoes", "Women",
                                "Clothing, Shoes & Jewelry")));
        assertEquals("Jeans. Levi's", ItemTexts.of(null, "Jeans", null, null, "Levi's", List.of("jeans")));
    }

    @Test
    void shouldKeepTheTextOfItemsWithoutBrandOrCategories() {
        assertEquals(ItemTexts.of("Blue denim shirt", "Shirts", "Blue", "Casual wear"),
                ItemTexts.of("Blue denim shirt", "Shirts", "Blue", "Casual wear", null, List.of()));
    }

    @Test
    void shouldFingerprintTheTextStably() {
        String digest = ItemTexts.digest("Blue denim shirt. Shirts");

        assertTrue(digest.matches("sha256:[0-9a-f]{24}"), digest);
        assertEquals(digest, ItemTexts.digest("Blue denim shirt. Shirts"));
        assertNotEquals(digest, ItemTexts.digest("Blue denim shirt. Shirt"));
    }
}
