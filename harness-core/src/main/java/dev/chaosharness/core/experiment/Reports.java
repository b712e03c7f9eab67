package dev.chaosharness.core.experiment;

import dev.chaosharness.core.report.HtmlReport;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's journal.json and report.html; a failure to write is logged, never thrown (the
 * journal object still reaches the caller).
 */
final class Reports {

  private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

  private Reports() {}

  static void write(Journal journal, Path directory) {
    try {
      JournalJson.write(journal, directory.resolve("journal.json"));
    } catch (RuntimeException e) {
      LOG.warn("Could not write journal.json to {}", directory, e);
    }
    try {
      HtmlReport.write(journal, directory.resolve("report.html"));
    } catch (RuntimeException e) {
      LOG.warn("Could not write report.html to {}", directory, e);
    }
  }
}
