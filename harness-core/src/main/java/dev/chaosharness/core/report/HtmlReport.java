package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.experiment.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Renders a {@link Journal} as one self-contained HTML page: the verdict and why, the phases, KPI
 * charts (request rate, success ratio, p50/p99 latency) with fault windows shaded and the
 * detected and recovered instants marked, the steady-state hypothesis before and after, the
 * activities, the invariants' verdict with evidence, the goals and the traffic summary.
 *
 * <pre>{@code
 * Journal journal = runner.run(experiment);
 * HtmlReport.write(journal, Path.of("target/chaos/report.html"));
 * }</pre>
 *
 * <p>The page has inline CSS and inline SVG only: no script, no fonts, no network fetch (its
 * Content-Security-Policy forbids them), so it opens from a file, a CI artifact or an e-mail.
 * Every text taken from the journal is escaped. Rendering is deterministic: the same journal
 * gives the same bytes. Stateless and thread-safe.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /** Returns the report of {@code journal} as an HTML document. */
  public static String render(Journal journal) {
    Objects.requireNonNull(journal, "journal must not be null");
    TimeScale scale = TimelineSection.scale(journal);
    String verdict = RunVerdict.of(journal).label();
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<title>" + verdict + ": " + escape(journal.title()) + " \u2014 Chaos Harness report</title>\n"
        + "<style>\n" + ReportStyle.CSS + "</style>\n</head>\n<body>\n"
        + HeaderSection.render(journal)
        + "<main>\n"
        + PhaseBar.render(journal, scale)
        + TimelineSection.render(journal, scale)
        + ReportSections.hypotheses(journal)
        + ReportSections.activities(journal)
        + InvariantSection.render(journal)
        + ReportSections.goals(journal)
        + TrafficSection.render(journal)
        + "</main>\n<footer>Chaos Harness report of " + escape(journal.source()) + ", run "
        + escape(Format.instant(journal.start())) + ".</footer>\n</body>\n</html>\n";
  }

  /**
   * Writes the report of {@code journal} to {@code file} (UTF-8), creating its directory; a
   * reader never sees a half-written file.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static void write(Journal journal, Path file) {
    String html = render(journal);
    Path absolute = file.toAbsolutePath();
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      Files.createDirectories(absolute.getParent());
      Files.writeString(temp, html, StandardCharsets.UTF_8);
      try {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the HTML report to " + absolute + ": " + e.getMessage(), e);
    }
  }
}
