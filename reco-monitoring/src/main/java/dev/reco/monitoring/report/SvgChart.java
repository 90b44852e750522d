package dev.reco.monitoring.report;

import java.util.Locale;

/**
 * Renders a {@link Distribution} as an inline SVG chart: reference and current shares per bin
 * overlaid as translucent bars (numeric) or side by side (categorical), with axis labels and a
 * legend. Pure string output; no fonts or scripts are referenced.
 */
final class SvgChart {
  static final String REFERENCE_COLOUR = "#4c78a8";
  static final String CURRENT_COLOUR = "#f58518";

  private static final int WIDTH = 480;
  private static final int HEIGHT = 190;
  private static final int LEFT = 44;
  private static final int RIGHT = 10;
  private static final int TOP = 22;
  private static final int BOTTOM_NUMERIC = 26;
  private static final int BOTTOM_CATEGORICAL = 58;

  private SvgChart() {}

  static String render(Distribution d, String title) {
    int bottom = d.numeric() ? BOTTOM_NUMERIC : BOTTOM_CATEGORICAL;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - bottom;
    double max = 0;
    for (int b = 0; b < d.bins(); b++) {
      max = Math.max(max, Math.max(d.reference()[b], d.current()[b]));
    }
    if (max <= 0) {
      max = 1;
    }
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape("distribution of " + title)).append("\">");
    // Legend.
    s.append("<rect x=\"").append(LEFT).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"")
        .append(REFERENCE_COLOUR).append("\" fill-opacity=\"0.55\"/>");
    s.append("<text x=\"").append(LEFT + 14).append("\" y=\"15\">reference</text>");
    s.append("<rect x=\"").append(LEFT + 90).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"")
        .append(CURRENT_COLOUR).append("\" fill-opacity=\"0.55\"/>");
    s.append("<text x=\"").append(LEFT + 104).append("\" y=\"15\">current</text>");
    // Axes.
    double x0 = LEFT;
    double y0 = TOP + plotH;
    s.append("<line class=\"axis\" x1=\"").append(fmt(x0)).append("\" y1=\"").append(fmt(y0))
        .append("\" x2=\"").append(fmt(x0 + plotW)).append("\" y2=\"").append(fmt(y0))
        .append("\"/>");
    s.append("<line class=\"axis\" x1=\"").append(fmt(x0)).append("\" y1=\"").append(TOP)
        .append("\" x2=\"").append(fmt(x0)).append("\" y2=\"").append(fmt(y0)).append("\"/>");
    s.append("<text class=\"tick\" x=\"").append(fmt(x0 - 4)).append("\" y=\"").append(TOP + 4)
        .append("\" text-anchor=\"end\">").append(percent(max)).append("</text>");
    s.append("<text class=\"tick\" x=\"").append(fmt(x0 - 4)).append("\" y=\"").append(fmt(y0))
        .append("\" text-anchor=\"end\">0</text>");
    double slot = plotW / d.bins();
    for (int b = 0; b < d.bins(); b++) {
      double hr = d.reference()[b] / max * plotH;
      double hc = d.current()[b] / max * plotH;
      if (d.numeric()) {
        bar(s, x0 + b * slot, y0 - hr, slot, hr, REFERENCE_COLOUR, d.reference()[b]);
        bar(s, x0 + b * slot, y0 - hc, slot, hc, CURRENT_COLOUR, d.current()[b]);
      } else {
        double w = slot * 0.4;
        bar(s, x0 + b * slot + slot * 0.1, y0 - hr, w, hr, REFERENCE_COLOUR, d.reference()[b]);
        bar(s, x0 + b * slot + slot * 0.5, y0 - hc, w, hc, CURRENT_COLOUR, d.current()[b]);
        double lx = x0 + b * slot + slot * 0.5;
        s.append("<text class=\"tick\" x=\"").append(fmt(lx)).append("\" y=\"").append(fmt(y0 + 10))
            .append("\" text-anchor=\"end\" transform=\"rotate(-35 ").append(fmt(lx)).append(' ')
            .append(fmt(y0 + 10)).append(")\">").append(Html.escape(shorten(d.labels().get(b))))
            .append("</text>");
      }
    }
    if (d.numeric()) {
      double[] e = d.edges();
      tick(s, x0, y0, e[0], "start");
      tick(s, x0 + plotW / 2, y0, (e[0] + e[e.length - 1]) / 2, "middle");
      tick(s, x0 + plotW, y0, e[e.length - 1], "end");
    }
    s.append("</svg>");
    return s.toString();
  }

  private static void bar(StringBuilder s, double x, double y, double w, double h, String colour,
      double share) {
    s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
        .append(fmt(w)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(colour)
        .append("\" fill-opacity=\"0.55\"><title>").append(percent(share))
        .append("</title></rect>");
  }

  private static void tick(StringBuilder s, double x, double y0, double value, String anchor) {
    s.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y0 + 14))
        .append("\" text-anchor=\"").append(anchor).append("\">")
        .append(Html.escape(String.format(Locale.ROOT, "%.4g", value))).append("</text>");
  }

  private static String shorten(String label) {
    return label.length() <= 14 ? label : label.substring(0, 13) + "…";
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
