package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Format.coord;
import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.experiment.FaultWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one timeline chart as inline SVG: axes, the fault windows shaded and labelled, one line
 * per series, vertical markers, and invisible hover columns whose {@code <title>} shows the
 * values (a browser's native tooltip, no script). Stateless and thread-safe.
 */
final class SvgChart {

  static final double WIDTH = 960;
  static final double HEIGHT = 230;
  static final double LEFT = 64;
  static final double RIGHT = 944;
  static final double TOP = 14;
  static final double BOTTOM = 200;
  private static final int MAX_HOVER_COLUMNS = 240;
  private static final int MAX_DOTTED_POINTS = 120;
  private static final int FAULT_LABEL_CHARS = 48;

  private SvgChart() {}

  /** Returns the SVG element of {@code spec} drawn in {@code frame}. */
  static String render(ChartSpec spec, ChartFrame frame) {
    ValueScale values = ValueScale.fitting(spec.fixedMax(), spec.series(), TOP, BOTTOM);
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg class=\"chart\" id=\"").append(escape(spec.id())).append("\" viewBox=\"0 0 ")
        .append(coord(WIDTH)).append(' ').append(coord(HEIGHT))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"").append(escape(spec.title()))
        .append("\">\n<title>").append(escape(spec.title())).append("</title>\n")
        .append("<defs><clipPath id=\"").append(escape(spec.id())).append("-clip\"><rect x=\"").append(coord(LEFT))
        .append("\" y=\"").append(coord(TOP)).append("\" width=\"").append(coord(RIGHT - LEFT)).append("\" height=\"")
        .append(coord(BOTTOM - TOP)).append("\"/></clipPath></defs>\n");
    ChartAxes.append(svg, frame, values, spec.unit());
    svg.append("<g clip-path=\"url(#").append(escape(spec.id())).append("-clip)\">\n");
    appendFaultWindows(svg, frame);
    appendSeries(svg, spec, frame, values);
    appendMarkers(svg, frame);
    appendHoverColumns(svg, spec, frame);
    svg.append("</g>\n<rect class=\"frame\" x=\"").append(coord(LEFT)).append("\" y=\"").append(coord(TOP))
        .append("\" width=\"").append(coord(RIGHT - LEFT)).append("\" height=\"").append(coord(BOTTOM - TOP))
        .append("\"/>\n</svg>");
    return svg.toString();
  }

  private static void appendFaultWindows(StringBuilder svg, ChartFrame frame) {
    svg.append("<g class=\"fault-windows\">\n");
    List<FaultWindow> windows = frame.windows();
    for (int i = 0; i < windows.size(); i++) {
      FaultWindow w = windows.get(i);
      double x1 = frame.scale().x(w.injectedAt());
      double x2 = Math.max(x1 + 1, frame.scale().x(w.revertedAt()));
      String tooltip = w.fault() + " (" + Format.offset(frame.origin(), w.injectedAt()) + " to "
          + Format.offset(frame.origin(), w.revertedAt()) + ")";
      svg.append("<rect class=\"fault-window\" data-fault=\"").append(escape(w.fault())).append("\" x=\"")
          .append(coord(x1)).append("\" y=\"").append(coord(TOP)).append("\" width=\"").append(coord(x2 - x1))
          .append("\" height=\"").append(coord(BOTTOM - TOP)).append("\"><title>").append(escape(tooltip))
          .append("</title></rect>\n");
      svg.append("<text class=\"fault-label\" x=\"").append(coord(x1 + 4)).append("\" y=\"")
          .append(coord(TOP + 13 + 13 * (i % 4))).append("\">").append(escape(Html.truncate(w.fault(), FAULT_LABEL_CHARS)))
          .append("</text>\n");
    }
    svg.append("</g>\n");
  }

  private static void appendSeries(StringBuilder svg, ChartSpec spec, ChartFrame frame, ValueScale values) {
    svg.append("<g class=\"series\">\n");
    List<Instant> at = frame.at();
    for (Series series : spec.series()) {
      StringBuilder path = new StringBuilder();
      List<String> dots = new ArrayList<>();
      boolean drawing = false;
      for (int i = 0; i < at.size() && i < series.values().length; i++) {
        double v = series.values()[i];
        if (!Double.isFinite(v)) {
          drawing = false;
          continue;
        }
        String x = coord(frame.scale().x(at.get(i)));
        String y = coord(values.y(v));
        path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(x).append(' ').append(y);
        dots.add("<circle class=\"dot " + escape(series.cssClass()) + "\" cx=\"" + x + "\" cy=\"" + y + "\" r=\"2.5\"/>");
        drawing = true;
      }
      if (!path.isEmpty()) {
        svg.append("<path class=\"line ").append(escape(series.cssClass())).append("\" data-series=\"")
            .append(escape(series.name())).append("\" d=\"").append(path).append("\"/>\n");
      }
      if (dots.size() <= MAX_DOTTED_POINTS) {
        dots.forEach(d -> svg.append(d).append('\n'));
      }
    }
    svg.append("</g>\n");
  }

  private static void appendMarkers(StringBuilder svg, ChartFrame frame) {
    svg.append("<g class=\"markers\">\n");
    for (int i = 0; i < frame.markers().size(); i++) {
      Marker m = frame.markers().get(i);
      String x = coord(frame.scale().x(m.at()));
      String label = m.label() + " " + Format.offset(frame.origin(), m.at());
      svg.append("<line class=\"marker ").append(escape(m.cssClass())).append("\" x1=\"").append(x).append("\" x2=\"")
          .append(x).append("\" y1=\"").append(coord(TOP)).append("\" y2=\"").append(coord(BOTTOM))
          .append("\"><title>").append(escape(label)).append("</title></line>\n");
      svg.append("<text class=\"marker-label ").append(escape(m.cssClass())).append("\" x=\"")
          .append(coord(frame.scale().x(m.at()) + 3)).append("\" y=\"").append(coord(BOTTOM - 6 - 13 * (i % 2)))
          .append("\">").append(escape(label)).append("</text>\n");
    }
    svg.append("</g>\n");
  }

  private static void appendHoverColumns(StringBuilder svg, ChartSpec spec, ChartFrame frame) {
    List<Instant> at = frame.at();
    int stride = Math.max(1, (at.size() + MAX_HOVER_COLUMNS - 1) / MAX_HOVER_COLUMNS);
    svg.append("<g class=\"hover\">\n");
    for (int i = 0; i < at.size(); i += stride) {
      int last = Math.min(at.size() - 1, i + stride - 1);
      double x1 = frame.scale().x(at.get(i).minus(frame.interval()));
      double x2 = frame.scale().x(at.get(last));
      StringBuilder tip = new StringBuilder(Format.offset(frame.origin(), at.get(last)));
      for (Series series : spec.series()) {
        double v = last < series.values().length ? series.values()[last] : Double.NaN;
        tip.append("\n").append(series.name()).append(": ").append(ValueScale.label(v))
            .append(Double.isFinite(v) ? " " + spec.unit() : "");
      }
      svg.append("<rect class=\"hover-column\" x=\"").append(coord(x1)).append("\" y=\"").append(coord(TOP))
          .append("\" width=\"").append(coord(Math.max(1, x2 - x1))).append("\" height=\"").append(coord(BOTTOM - TOP))
          .append("\"><title>").append(escape(tip.toString())).append("</title></rect>\n");
    }
    svg.append("</g>\n");
  }
}
