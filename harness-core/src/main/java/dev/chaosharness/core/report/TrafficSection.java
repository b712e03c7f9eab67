package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.traffic.AssertionOutcome;
import dev.chaosharness.core.traffic.LatencySummary;
import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.TrafficResult;
import java.time.Duration;
import java.util.TreeMap;

/** Renders the traffic run's summary: plan, counts by outcome, rates, latency and assertions. Stateless. */
final class TrafficSection {

  private TrafficSection() {}

  /** Returns the traffic section of {@code journal}. */
  static String render(Journal journal) {
    StringBuilder html = new StringBuilder("<section id=\"traffic\">\n<h2>Traffic</h2>\n");
    if (journal.traffic().isEmpty()) {
      return html.append("<p class=\"empty\">The experiment had no traffic.</p>\n</section>\n").toString();
    }
    TrafficResult t = journal.traffic().get();
    HtmlTable summary = HtmlTable.of("traffic-summary", "measure", "value")
        .row("plan", t.plan().toString())
        .row("status", t.status().name().toLowerCase(java.util.Locale.ROOT))
        .row("arrivals", t.arrivals())
        .row("requests", t.requests() + " (" + t.failedRequests() + " failed)");
    for (RequestOutcome outcome : RequestOutcome.values()) {
      summary.row("requests " + outcome.label(), t.requestsByOutcome().getOrDefault(outcome, 0L));
    }
    new TreeMap<>(t.ordersByStatus()).forEach((status, count) -> summary.row("orders " + status, count));
    summary.row("rate intended / achieved", Format.number(t.intendedRate(), 1) + " / " + Format.number(t.achievedRate(), 1)
        + " per s (" + Format.percent(t.rateRatio()) + ")");
    if (t.latency() != null) {
      latency(summary, t.latency());
    }
    if (t.sendLagP99() != null) {
      summary.row("send lag p99", millis(t.sendLagP99()));
    }
    html.append(summary.toHtml());
    if (!t.assertions().isEmpty()) {
      HtmlTable assertions = HtmlTable.of("traffic-assertions", "assertion", "measured", "result");
      for (AssertionOutcome a : t.assertions()) {
        assertions.row(a.description(), a.actual(), Markup.badge(a.passed(), "passed", "failed"));
      }
      html.append("<h3>").append(escape("Traffic assertions")).append("</h3>\n").append(assertions.toHtml());
    }
    return html.append("</section>\n").toString();
  }

  private static void latency(HtmlTable table, LatencySummary latency) {
    table.row("latency p50", millis(latency.p50())).row("latency p90", millis(latency.p90()))
        .row("latency p95", millis(latency.p95())).row("latency p99", millis(latency.p99()))
        .row("latency max", millis(latency.max()));
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
