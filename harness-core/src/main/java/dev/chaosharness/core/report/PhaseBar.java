package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Format.coord;
import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.PhaseSpan;

/**
 * Renders the phases of a run as one horizontal bar on the charts' time scale, then as a list
 * with each phase's duration. Stateless and thread-safe.
 */
final class PhaseBar {

  private static final double HEIGHT = 34;
  private static final double CHAR_WIDTH = 7;

  private PhaseBar() {}

  /** Returns the phases section of {@code journal}. */
  static String render(Journal journal, TimeScale scale) {
    StringBuilder html = new StringBuilder("<section id=\"phases\">\n<h2>Phases</h2>\n");
    if (journal.phases().isEmpty()) {
      return html.append("<p class=\"empty\">No phase ran.</p>\n</section>\n").toString();
    }
    html.append("<svg class=\"phase-bar\" viewBox=\"0 0 ").append(coord(SvgChart.WIDTH)).append(' ').append(coord(HEIGHT))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"phases\">\n");
    for (PhaseSpan span : journal.phases()) {
      double x1 = scale.x(span.start());
      double width = Math.max(1, scale.x(span.end()) - x1);
      String name = span.phase().jsonName();
      html.append("<rect class=\"phase phase-").append(name).append("\" x=\"").append(coord(x1)).append("\" y=\"4\" width=\"")
          .append(coord(width)).append("\" height=\"").append(coord(HEIGHT - 8)).append("\"><title>")
          .append(escape(describe(journal, span))).append("</title></rect>\n");
      if (width > CHAR_WIDTH * name.length() + 6) {
        html.append("<text class=\"phase-label\" x=\"").append(coord(x1 + width / 2)).append("\" y=\"")
            .append(coord(HEIGHT / 2 + 4)).append("\">").append(name).append("</text>\n");
      }
    }
    html.append("</svg>\n<ol class=\"phase-list\">\n");
    journal.phases().forEach(span -> html.append("<li class=\"phase-").append(span.phase().jsonName()).append("\">")
        .append(escape(describe(journal, span))).append("</li>\n"));
    return html.append("</ol>\n</section>\n").toString();
  }

  private static String describe(Journal journal, PhaseSpan span) {
    return span.phase().jsonName() + " " + Format.offset(journal.start(), span.start()) + " \u2192 "
        + Format.offset(journal.start(), span.end()) + " (" + Format.duration(span.duration()) + ")";
  }
}
