package io.stylegraph.training.scale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.stylegraph.training.report.GrowthFit;

/**
 * The scale report's plot, drawn headless with Java2D: two log–log panels, the costs read per like against the
 * likes and those read per item against the items; each measured point a dot, each fitted growth a dashed line, the
 * legend naming the fitted exponent. No chart library and no Python: the benchmark stays self-contained.
 */
public final class ScaleChart {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 560;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};
    private static final int MARGIN_LEFT = 70;
    private static final int MARGIN_TOP = 40;
    private static final int PLOT_HEIGHT = 300;

    private ScaleChart() {
    }

    /** Draws the costs over the points and writes them as a PNG of {@link #WIDTH} × {@link #HEIGHT}. */
    public static void write(List<ScalePoint> points, List<ScaleCost> costs, String title, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, MARGIN_LEFT, 22);
            int panelWidth = WIDTH / 2;
            panel(g, 0, points, costs.stream().filter(c -> c.perUnit().equals("like")).toList(), "likes", 0);
            panel(g, panelWidth, points, costs.stream().filter(c -> c.perUnit().equals("item")).toList(), "items",
                    (int) costs.stream().filter(c -> c.perUnit().equals("like")).count());
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this Java");
        }
    }

    private static void panel(Graphics2D g, int left, List<ScalePoint> points, List<ScaleCost> costs, String axis,
                              int colourOffset) {
        int x0 = left + MARGIN_LEFT;
        int width = WIDTH / 2 - MARGIN_LEFT - 30;
        int y0 = MARGIN_TOP;
        double[] xs = range(costs.stream().flatMap(c -> points.stream().filter(p -> p.figure(c.key()) != null)
                .map(p -> p.size(c.sizeMeasure()))).mapToDouble(Double::doubleValue).toArray());
        double[] ys = range(costs.stream().flatMap(c -> points.stream().map(p -> p.figure(c.key())))
                .filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).toArray());
        Axes axes = new Axes(x0, y0, width, PLOT_HEIGHT, xs, ys);
        axes.draw(g, axis + " (log)", "seconds or MiB (log)");
        int legendY = y0 + PLOT_HEIGHT + 45;
        for (int c = 0; c < costs.size(); c++) {
            ScaleCost cost = costs.get(c);
            Color colour = COLOURS[(c + colourOffset) % COLOURS.length];
            g.setColor(colour);
            g.setClip(x0 - 5, y0 - 5, width + 10, PLOT_HEIGHT + 10);
            for (ScalePoint point : points) {
                Double value = point.figure(cost.key());
                if (value != null && value > 0) {
                    g.fillOval(axes.x(point.size(cost.sizeMeasure())) - 4, axes.y(value) - 4, 9, 9);
                }
            }
            Optional<GrowthFit> fit = cost.fit(points);
            fit.ifPresent(f -> {
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
                g.drawLine(axes.x(xs[0]), axes.y(f.at(xs[0])), axes.x(xs[1]), axes.y(f.at(xs[1])));
                g.setStroke(new BasicStroke(1));
            });
            g.setClip(null);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(cost.label() + fit.map(f -> String.format(Locale.ROOT, "  grows as %s^%.2f",
                    cost.sizeMeasure().equals("items") ? "items" : "likes", f.exponent())).orElse("  (fewer than two points, no fit)"),
                    x0, legendY + 16 * c);
        }
    }

    /** The decades around the values: [10^floor(log min), 10^ceil(log max)], at least one decade wide. */
    static double[] range(double[] values) {
        double min = java.util.Arrays.stream(values).filter(v -> v > 0).min().orElse(1);
        double max = java.util.Arrays.stream(values).filter(v -> v > 0).max().orElse(10);
        double low = Math.pow(10, Math.floor(Math.log10(min)));
        double high = Math.pow(10, Math.ceil(Math.log10(max)));
        return new double[] {low, high > low ? high : low * 10};
    }

    /** Log–log axes in a rectangle of the image, with a tick and grid line per decade. */
    private record Axes(int left, int top, int width, int height, double[] xs, double[] ys) {
        int x(double value) {
            return left + (int) Math.round(width * Math.log(value / xs[0]) / Math.log(xs[1] / xs[0]));
        }

        int y(double value) {
            return top + height - (int) Math.round(height * Math.log(value / ys[0]) / Math.log(ys[1] / ys[0]));
        }

        void draw(Graphics2D g, String xLabel, String yLabel) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (double d = xs[0]; d <= xs[1] * 1.0001; d *= 10) {
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(x(d), top, x(d), top + height);
                g.setColor(Color.DARK_GRAY);
                g.drawString(label(d), x(d) - 12, top + height + 15);
            }
            for (double d = ys[0]; d <= ys[1] * 1.0001; d *= 10) {
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(left, y(d), left + width, y(d));
                g.setColor(Color.DARK_GRAY);
                g.drawString(label(d), left - 45, y(d) + 4);
            }
            g.setColor(Color.BLACK);
            g.drawRect(left, top, width, height);
            g.drawString(xLabel, left + width / 2 - 30, top + height + 30);
            g.drawString(yLabel, left, top - 6);
        }

        private static String label(double value) {
            return value >= 1e6 ? String.format(Locale.ROOT, "%.0fM", value / 1e6)
                    : value >= 1e3 ? String.format(Locale.ROOT, "%.0fk", value / 1e3)
                    : value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2g", value);
        }
    }
}
