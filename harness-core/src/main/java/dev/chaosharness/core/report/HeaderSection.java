package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.kpi.Recovery;
import java.time.Duration;
import java.util.Optional;

/** Renders the report's header: title, description, the verdict with its reasons, and the run's facts. Stateless. */
final class HeaderSection {

  private HeaderSection() {}

  /** Returns the header of {@code journal}. */
  static String render(Journal journal) {
    RunVerdict verdict = RunVerdict.of(journal);
    StringBuilder html = new StringBuilder("<header class=\"run-header\">\n");
    html.append("<h1>").append(escape(journal.title())).append("</h1>\n");
    if (!journal.description().isBlank()) {
      html.append("<p class=\"description\">").append(escape(journal.description())).append("</p>\n");
    }
    html.append("<div id=\"verdict\" class=\"verdict ").append(verdict.passed() ? "passed" : "failed")
        .append("\"><span class=\"verdict-label\">").append(verdict.label()).append("</span>\n<ul class=\"reasons\">\n");
    verdict.reasons().forEach(r -> html.append("<li>").append(escape(r)).append("</li>\n"));
    html.append("</ul></div>\n<dl class=\"facts\">\n");
    fact(html, "status", journal.status().jsonName());
    fact(html, "deviated", journal.deviated() ? "yes" : "no");
    fact(html, "duration", Format.duration(journal.duration()));
    fact(html, "start", Format.instant(journal.start()));
    fact(html, "end", Format.instant(journal.end()));
    fact(html, "source", journal.source());
    journal.abortReason().ifPresent(r -> fact(html, "reason", r));
    journal.recovery().ifPresent(r -> recoveryFacts(html, r));
    return html.append("</dl>\n</header>\n").toString();
  }

  private static void recoveryFacts(StringBuilder html, Recovery recovery) {
    fact(html, "time to detect", seconds(recovery.timeToDetect(), "not detected"));
    fact(html, "time to recover", seconds(recovery.timeToRecover(), "never recovered"));
    fact(html, "impact", Format.duration(recovery.impactDuration()));
    recovery.failingProbe().ifPresent(p -> fact(html, "first failing probe", p));
  }

  private static String seconds(Optional<Duration> duration, String otherwise) {
    return duration.map(Format::duration).orElse(otherwise);
  }

  private static void fact(StringBuilder html, String name, String value) {
    html.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
  }
}
