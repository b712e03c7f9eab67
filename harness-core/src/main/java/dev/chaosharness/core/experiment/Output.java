package dev.chaosharness.core.experiment;

import java.util.Locale;
import java.util.Map;

/** What a provider returned, for tolerances and the journal. */
sealed interface Output {

  /** The value an int, bool or range tolerance compares by default. */
  Object primary();

  /** The text a regex tolerance matches by default. */
  String text();

  /** The named part a tolerance's {@code target} picks, for example {@code body}; null when it has none. */
  Object part(String name);

  /** The output as the journal shows it. */
  String summary();

  /** An HTTP response. */
  record Http(int status, Map<String, String> headers, String body) implements Output {
    @Override
    public Object primary() {
      return (long) status;
    }

    @Override
    public String text() {
      return body;
    }

    @Override
    public Object part(String name) {
      return switch (name) {
        case "status" -> (long) status;
        case "body" -> body;
        case "headers" -> headers;
        default -> null;
      };
    }

    @Override
    public String summary() {
      return "status " + status + (body.isBlank() ? "" : ", body " + Outputs.abbreviate(body));
    }
  }

  /** A finished process. */
  record Process(int exitCode, String stdout, String stderr) implements Output {
    @Override
    public Object primary() {
      return (long) exitCode;
    }

    @Override
    public String text() {
      return stdout;
    }

    @Override
    public Object part(String name) {
      return switch (name) {
        case "status", "exit_code" -> (long) exitCode;
        case "stdout" -> stdout;
        case "stderr" -> stderr;
        default -> null;
      };
    }

    @Override
    public String summary() {
      return "exit " + exitCode + (stdout.isBlank() ? "" : ", stdout " + Outputs.abbreviate(stdout.strip()));
    }
  }

  /** A KPI value. */
  record Kpi(double value) implements Output {
    @Override
    public Object primary() {
      return value;
    }

    @Override
    public String text() {
      return String.format(Locale.ROOT, "%s", value);
    }

    @Override
    public Object part(String name) {
      return "value".equals(name) ? value : null;
    }

    @Override
    public String summary() {
      return Double.isNaN(value) ? "no data" : String.format(Locale.ROOT, "%.4f", value);
    }
  }
}
