package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.experiment.FaultWindow;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the KPI timeline: request rate, success ratio and p50/p99 latency charts with the fault
 * windows shaded and the detected and recovered instants marked, then the fault windows as a
 * table. Stateless and thread-safe.
 */
final class TimelineSection {

  private TimelineSection() {}

  /** Returns the time scale shared by the charts and the phase bar: the run, widened to cover every sample. */
  static TimeScale scale(Journal journal) {
    List<KpiSample> samples = journal.timeline().samples();
    Instant from = journal.start();
    Instant to = journal.end();
    if (!samples.isEmpty()) {
      Instant first = samples.get(0).at().minus(journal.timeline().interval());
      Instant last = samples.get(samples.size() - 1).at();
      from = first.isBefore(from) ? first : from;
      to = last.isAfter(to) ? last : to;
    }
    return TimeScale.covering(from, to, SvgChart.LEFT, SvgChart.RIGHT);
  }

  /** Returns the timeline section of {@code journal}. */
  static String render(Journal journal, TimeScale scale) {
    StringBuilder html = new StringBuilder("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    List<KpiSample> samples = journal.timeline().samples();
    if (samples.isEmpty()) {
      html.append("<p class=\"empty\">No KPI samples: the run had no traffic or ended before the first sample.</p>\n");
    } else {
      ChartFrame frame = new ChartFrame(scale, journal.start(), samples.stream().map(KpiSample::at).toList(),
          journal.timeline().interval(), journal.faults(), markers(journal));
      for (ChartSpec spec : charts(samples)) {
        html.append("<figure class=\"chart-figure\">\n<figcaption>").append(escape(spec.title()));
        spec.series().forEach(s -> html.append(" <span class=\"legend ").append(escape(s.cssClass())).append("\">")
            .append(escape(s.name())).append("</span>"));
        html.append("</figcaption>\n").append(SvgChart.render(spec, frame)).append("\n</figure>\n");
      }
    }
    html.append(faultTable(journal));
    return html.append("</section>\n").toString();
  }

  private static List<ChartSpec> charts(List<KpiSample> samples) {
    return List.of(
        new ChartSpec("chart-rate", "Request rate", "req/s", Double.NaN,
            List.of(series("rate", "s-rate", samples, Kpis.REQUEST_RATE))),
        new ChartSpec("chart-success", "Success ratio", "ratio", 1.0,
            List.of(series("success ratio", "s-success", samples, Kpis.SUCCESS_RATIO))),
        new ChartSpec("chart-latency", "Latency", "ms", Double.NaN,
            List.of(series("p50", "s-p50", samples, Kpis.LATENCY_P50_MS),
                series("p99", "s-p99", samples, Kpis.LATENCY_P99_MS))));
  }

  private static Series series(String name, String cssClass, List<KpiSample> samples, String kpi) {
    return new Series(name, cssClass, samples.stream().mapToDouble(s -> s.value(kpi)).toArray());
  }

  private static List<Marker> markers(Journal journal) {
    List<Marker> markers = new ArrayList<>();
    journal.recovery().ifPresent(r -> {
      r.detectedAt().ifPresent(at -> markers.add(new Marker(at, "detected", "marker-detected")));
      r.recoveredAt().ifPresent(at -> markers.add(new Marker(at, "recovered", "marker-recovered")));
    });
    return markers;
  }

  private static String faultTable(Journal journal) {
    if (journal.faults().isEmpty()) {
      return "<p class=\"empty\">No fault was injected.</p>\n";
    }
    HtmlTable table = HtmlTable.of("faults", "fault", "injected", "reverted", "in place");
    for (FaultWindow w : journal.faults()) {
      table.row(w.fault(), Format.offset(journal.start(), w.injectedAt()), Format.offset(journal.start(), w.revertedAt()),
          Format.duration(java.time.Duration.between(w.injectedAt(), w.revertedAt())));
    }
    return "<h3>Faults</h3>\n" + table.toHtml();
  }
}
