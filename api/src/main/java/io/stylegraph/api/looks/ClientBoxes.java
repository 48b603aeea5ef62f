package io.stylegraph.api.looks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.StrictJson;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.regions.Box;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.models.regions.RegionSource;
import jakarta.inject.Singleton;

/**
 * Reads the optional {@code boxes} part of shop the look: a JSON array of
 * {@code {"slot", "x0", "y0", "x1", "y1", "confidence"?}} in pixels of the upright photo. Boxes reaching past the
 * photo are cut to it; anything else wrong is a 400 naming the box ({@code boxes[2].slot}, {@code boxes[0]}).
 */
@Singleton
public class ClientBoxes {
    static final int MAX_BOXES = 20;
    private static final Argument<List<ClientBox>> LIST = Argument.listOf(ClientBox.class);

    private final JsonMapper json;
    private final StrictJson strict;

    public ClientBoxes(JsonMapper json, StrictJson strict) {
        this.json = json;
        this.strict = strict;
    }

    public List<GarmentRegion> parse(String boxesJson, int width, int height) {
        List<ClientBox> boxes;
        strict.check(boxesJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), LIST, "boxes");
        try {
            boxes = json.readValue(boxesJson, LIST);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("malformed-json", "boxes", "boxes must be a JSON array of "
                    + "{\"slot\", \"x0\", \"y0\", \"x1\", \"y1\", \"confidence\"} objects");
        }
        if (boxes == null || boxes.isEmpty()) {
            throw ProblemException.badRequest("invalid-field", "boxes", "boxes must list at least one box when given");
        }
        if (boxes.size() > MAX_BOXES) {
            throw ProblemException.badRequest("invalid-field", "boxes", "boxes may list at most " + MAX_BOXES
                    + " boxes, got " + boxes.size());
        }
        List<GarmentRegion> regions = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            regions.add(region(boxes.get(i), "boxes[" + i + "]", width, height));
        }
        return regions;
    }

    private static GarmentRegion region(ClientBox box, String field, int width, int height) {
        if (box == null) {
            throw ProblemException.badRequest("invalid-field", field, field + " must be an object");
        }
        Slot slot = Slot.parse(box.slot()).orElseThrow(() -> ProblemException.badRequest("invalid-field",
                field + ".slot", "slot must be one of top, bottom, dress, outerwear, shoes, bag, accessory, other"));
        Double[] corners = {box.x0(), box.y0(), box.x1(), box.y1()};
        String[] names = {"x0", "y0", "x1", "y1"};
        for (int c = 0; c < corners.length; c++) {
            if (corners[c] == null || !Double.isFinite(corners[c])) {
                throw ProblemException.badRequest("invalid-field", field + "." + names[c], names[c]
                        + " must be a number of pixels");
            }
        }
        if (!(box.x1() > box.x0()) || !(box.y1() > box.y0())) {
            throw ProblemException.badRequest("invalid-field", field, field + " must have x0 < x1 and y0 < y1");
        }
        Box clipped = new Box(box.x0(), box.y0(), box.x1(), box.y1()).clip(width, height);
        if (clipped.width() < 1 || clipped.height() < 1) {
            throw ProblemException.badRequest("invalid-field", field, field + " lies outside the " + width + "x"
                    + height + " photo");
        }
        double confidence = box.confidence() == null ? 1 : box.confidence();
        if (!(confidence >= 0 && confidence <= 1)) {
            throw ProblemException.badRequest("invalid-field", field + ".confidence", "confidence must be 0..1");
        }
        return new GarmentRegion(slot.wireName(), clipped, confidence, RegionSource.CLIENT);
    }
}
