package dev.chaosharness.core.experiment;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's journal.json and, when the report package is present, report.html; a failure
 * to write is logged, never thrown (the journal object still reaches the caller).
 */
final class Reports {

  private static final Logger LOG = LoggerFactory.getLogger(Reports.class);
  private static final String HTML_REPORT = "dev.chaosharness.core.report.HtmlReport";

  private Reports() {}

  static void write(Journal journal, Path directory) {
    try {
      JournalJson.write(journal, directory.resolve("journal.json"));
    } catch (RuntimeException e) {
      LOG.warn("Could not write journal.json to {}", directory, e);
    }
    try {
      Class<?> report = Class.forName(HTML_REPORT);
      report.getMethod("write", Journal.class, Path.class).invoke(null, journal, directory.resolve("report.html"));
    } catch (ClassNotFoundException | NoSuchMethodException absent) {
      LOG.debug("No HTML report: {} is not on the classpath", HTML_REPORT);
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      LOG.warn("Could not write report.html to {}", directory, e instanceof InvocationTargetException i ? i.getCause() : e);
    }
  }
}
