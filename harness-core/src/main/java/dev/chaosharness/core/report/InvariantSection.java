package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.EventRef;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.experiment.Journal;
import java.util.List;

/**
 * Renders the saga invariants' verdict: what was checked, anomaly counts by kind, and the
 * anomalies with their evidence, capped so a run with thousands of anomalies stays readable.
 * Stateless and thread-safe.
 */
final class InvariantSection {

  /** The most anomalies listed; the rest are counted. */
  static final int MAX_ANOMALIES = 50;
  /** The most evidence events listed per anomaly; the rest are counted. */
  static final int MAX_EVIDENCE = 10;

  private InvariantSection() {}

  /** Returns the invariants section of {@code journal}. */
  static String render(Journal journal) {
    StringBuilder html = new StringBuilder("<section id=\"invariants\">\n<h2>Invariants</h2>\n");
    if (journal.invariants().isEmpty()) {
      return html.append("<p class=\"empty\">Not checked.</p>\n</section>\n").toString();
    }
    Verdict verdict = journal.invariants().get();
    html.append("<p class=\"invariant-summary\">").append(Markup.badge(verdict.holds(), "held", "broken").html())
        .append(' ').append(escape(verdict.scope()))
        .append("</p>\n");
    if (verdict.holds()) {
      return html.append("</section>\n").toString();
    }
    HtmlTable counts = HtmlTable.of("anomaly-counts", "kind", "anomalies");
    verdict.countsByKind().forEach((kind, count) -> counts.row(kind, count));
    html.append(counts.toHtml()).append("<ol class=\"anomalies\">\n");
    verdict.anomalies().stream().limit(MAX_ANOMALIES).forEach(a -> html.append(anomaly(a)));
    html.append("</ol>\n");
    more(html, verdict.anomalies().size() - MAX_ANOMALIES, "anomalies");
    return html.append("</section>\n").toString();
  }

  private static String anomaly(Anomaly a) {
    StringBuilder html = new StringBuilder("<li class=\"anomaly\" data-kind=\"").append(escape(a.kind())).append("\">")
        .append("<span class=\"kind\">").append(escape(a.kind())).append("</span> <span class=\"checker\">[")
        .append(escape(a.checker())).append("]</span>");
    if (!a.key().isEmpty()) {
      html.append(" <code class=\"key\">").append(escape(a.key())).append("</code>");
    }
    html.append("<div class=\"explanation\">").append(escape(a.explanation())).append("</div>\n");
    List<EventRef> evidence = a.evidence();
    if (!evidence.isEmpty()) {
      html.append("<ul class=\"evidence\">\n");
      evidence.stream().limit(MAX_EVIDENCE).forEach(e -> html.append("<li><code title=\"event id ")
          .append(escape(e.eventId().toString())).append("\">").append(escape(e.toString())).append("</code></li>\n"));
      html.append("</ul>\n");
      more(html, evidence.size() - MAX_EVIDENCE, "events");
    }
    return html.append("</li>\n").toString();
  }

  private static void more(StringBuilder html, int hidden, String what) {
    if (hidden > 0) {
      html.append("<p class=\"more\">and ").append(hidden).append(" more ").append(what).append("</p>\n");
    }
  }
}
