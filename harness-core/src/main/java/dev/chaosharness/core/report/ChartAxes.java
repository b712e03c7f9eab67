package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Format.coord;
import static dev.chaosharness.core.report.Html.escape;

import java.time.Duration;
import java.time.Instant;

/** Draws a chart's grid, tick labels and unit: seconds since the run's start across, values up. Stateless. */
final class ChartAxes {

  private static final int VALUE_TICKS = 4;
  private static final int MAX_TIME_TICKS = 10;

  private ChartAxes() {}

  /** Appends the axes of a chart drawn in {@code frame} with {@code values} to {@code svg}. */
  static void append(StringBuilder svg, ChartFrame frame, ValueScale values, String unit) {
    svg.append("<g class=\"axes\">\n");
    for (int i = 0; i <= VALUE_TICKS; i++) {
      double value = values.max() * i / VALUE_TICKS;
      String y = coord(values.y(value));
      svg.append("<line class=\"grid\" x1=\"").append(coord(SvgChart.LEFT)).append("\" x2=\"").append(coord(SvgChart.RIGHT))
          .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
          .append("<text class=\"tick tick-y\" x=\"").append(coord(SvgChart.LEFT - 6)).append("\" y=\"")
          .append(coord(values.y(value) + 4)).append("\">").append(ValueScale.label(value)).append("</text>\n");
    }
    TimeScale scale = frame.scale();
    long step = scale.tickStep(MAX_TIME_TICKS).toMillis();
    long first = Math.floorDiv(Duration.between(frame.origin(), scale.from()).toMillis() + step - 1, step);
    for (long k = first; ; k++) {
      Instant tick = frame.origin().plusMillis(k * step);
      if (tick.isAfter(scale.to())) {
        break;
      }
      String x = coord(scale.x(tick));
      svg.append("<line class=\"grid\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"")
          .append(coord(SvgChart.TOP)).append("\" y2=\"").append(coord(SvgChart.BOTTOM)).append("\"/>")
          .append("<text class=\"tick tick-x\" x=\"").append(x).append("\" y=\"").append(coord(SvgChart.BOTTOM + 16))
          .append("\">").append(escape(Format.tick(frame.origin(), tick))).append("</text>\n");
    }
    svg.append("<text class=\"unit\" x=\"").append(coord(SvgChart.LEFT - 6)).append("\" y=\"")
        .append(coord(SvgChart.BOTTOM + 28)).append("\">").append(escape(unit)).append("</text>\n</g>\n");
  }
}
