package coop.lattice.wall.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG: the geometry is computed here, the template writes the
 * elements (and escapes every label). No script, no third-party asset.
 *
 * @param width the drawing's width in SVG units
 * @param height the drawing's height
 * @param baseline the y of the bars' base
 * @param bars one bar per period, in order
 */
public record Chart(int width, int height, int baseline, List<Bar> bars) {
  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  private static final int TOP = 24;
  private static final int BOTTOM = 40;
  private static final int LEFT = 16;

  /** A bar: its label, the value as text, and its rectangle. */
  public record Bar(String label, String value, int x, int y, int w, int h) {
    /** Where the label's centre sits. */
    public int middle() {
      return x + w / 2;
    }
  }

  /** Bars for {@code values} (not negative), scaled so that the largest fills the height. */
  static Chart of(List<String> labels, List<Double> values, List<String> shownValues) {
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int n = Math.max(1, values.size());
    int slot = (WIDTH - 2 * LEFT) / n;
    int baseline = HEIGHT - BOTTOM;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      int h = max <= 0 ? 0 : (int) Math.round(values.get(i) / max * (baseline - TOP));
      bars.add(new Bar(labels.get(i), shownValues.get(i), LEFT + i * slot + slot / 6, baseline - h, slot * 2 / 3, h));
    }
    return new Chart(WIDTH, HEIGHT, baseline, List.copyOf(bars));
  }
}
