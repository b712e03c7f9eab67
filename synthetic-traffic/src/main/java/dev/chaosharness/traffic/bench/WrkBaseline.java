package dev.chaosharness.traffic.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the closed-model peak of {@code wrk} against a URL: the baseline the highest
 * open-model rate is compared with.
 *
 * <p>Stateless and thread-safe.
 */
final class WrkBaseline {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  private WrkBaseline() {}

  /** The command that is run, for the report. */
  static List<String> command(String wrk, URI url, Duration duration) {
    return List.of(wrk, "-t2", "-c64", "-d" + duration.toSeconds() + "s", url.toString());
  }

  /** Requests per second wrk achieved; empty when wrk is missing or failed. */
  static OptionalDouble measure(String wrk, URI url, Duration duration) {
    try {
      Process process = new ProcessBuilder(command(wrk, url, duration)).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return OptionalDouble.empty();
      }
      Matcher m = RATE.matcher(output);
      return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    } catch (IOException e) {
      return OptionalDouble.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalDouble.empty();
    }
  }
}
