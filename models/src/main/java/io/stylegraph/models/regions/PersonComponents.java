package io.stylegraph.models.regions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the person out of a foreground mask: the 8-connected component with the most pixels in the central half of
 * the columns, joined by the other sizeable components stacked above or below it (a head or legs the mask cut off
 * where they match the background).
 */
final class PersonComponents {

    private PersonComponents() {
    }

    private record Component(List<Integer> pixels, int minX, int maxX, int central) {
    }

    static boolean[] select(boolean[] mask, int w, int h) {
        int[] label = new int[mask.length];
        List<Component> components = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            int id = components.size() + 1;
            List<Integer> pixels = new ArrayList<>();
            int minX = w;
            int maxX = -1;
            int central = 0;
            label[start] = id;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                pixels.add(p);
                int x = p % w;
                int y = p / w;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                if (x >= w / 4 && x < w - w / 4) {
                    central++;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            int q = yy * w + xx;
                            if (mask[q] && label[q] == 0) {
                                label[q] = id;
                                queue.add(q);
                            }
                        }
                    }
                }
            }
            components.add(new Component(pixels, minX, maxX, central));
        }
        boolean[] person = new boolean[mask.length];
        Component main = components.stream().max(java.util.Comparator.comparingInt(Component::central)).orElse(null);
        if (main == null || main.central() == 0) {
            return person;
        }
        int minSize = Math.max(4, main.pixels().size() / 50);
        for (Component c : components) {
            int overlap = Math.min(c.maxX(), main.maxX()) - Math.max(c.minX(), main.minX()) + 1;
            boolean stacked = overlap > 0.5 * (c.maxX() - c.minX() + 1);
            if (c == main || (c.pixels().size() >= minSize && stacked && c.central() > c.pixels().size() / 2)) {
                c.pixels().forEach(p -> person[p] = true);
            }
        }
        return person;
    }
}
