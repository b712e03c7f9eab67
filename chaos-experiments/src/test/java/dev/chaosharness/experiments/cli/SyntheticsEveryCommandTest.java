package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harness synthetics --every} end to end, in-process: repeated cycles against a local
 * order API, {@code /metrics} scraped between cycles, then a clean stop by interrupting the
 * command's thread (what the picocli main thread sees on shutdown).
 */
class SyntheticsEveryCommandTest {

  private static final Pattern METRICS_URL = Pattern.compile("metrics on (http://\\S+/metrics)");
  private static final String SCENARIO = "scenario=\"browse\"";
  private static final int CYCLES = 3;
  private static final Duration WAIT_FOR_CYCLE = Duration.ofSeconds(25);

  private final CliRunner cli = new CliRunner();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path output;

  /** What one scrape of /metrics said about the browse scenario. */
  private record Scrape(double success, double lastRun, double checks, double okRequests) {}

  @Test
  void should_log_one_json_line_per_cycle_and_scrape_rising_metrics_between_cycles_when_repeating() throws Exception {
    try (LocalOrderApi api = new LocalOrderApi()) {
      // given: a check of 1 s at 3/s every 2 s, until stopped
      AtomicReference<Thread> commandThread = new AtomicReference<>();
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
        commandThread.set(Thread.currentThread());
        return cli.run("synthetics", "--base-url", api.baseUrl().toString(), "--every", "2s", "--scenario", "browse",
            "--rate", "3", "--duration", "1s", "--seed", "7", "--metrics-port", "0", "--metrics-host", "127.0.0.1",
            "--output", output.toString());
      }, command -> new Thread(command, "synthetics-every").start());
      URI metrics = metricsUrl();

      // when: three cycles are scraped as they end, then the command is stopped
      List<Scrape> scrapes = new ArrayList<>();
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        scrapes.add(awaitChecks(metrics, cycle + 1));
      }
      commandThread.get().interrupt();
      int code = exit.get(30, TimeUnit.SECONDS);

      // then: every cycle passed, and each scrape saw a later run and more requests than the last
      assertThat(code).as(cli.out + "\n" + cli.err).isZero();
      assertThat(scrapes).allSatisfy(s -> assertThat(s.success()).isEqualTo(1.0));
      for (int i = 1; i < CYCLES; i++) {
        assertThat(scrapes.get(i).lastRun()).isGreaterThan(scrapes.get(i - 1).lastRun());
        assertThat(scrapes.get(i).okRequests()).isGreaterThan(scrapes.get(i - 1).okRequests());
      }
      // and: one JSON line per cycle that ended, numbered in order, none for the cycle the stop cut short
      List<String> lines = Arrays.stream(cli.out.toString().split("\\R")).filter(l -> !l.isBlank()).toList();
      assertThat(lines).hasSizeGreaterThanOrEqualTo(CYCLES);
      ObjectMapper json = new ObjectMapper();
      for (int i = 0; i < lines.size(); i++) {
        JsonNode line = json.readTree(lines.get(i));
        assertThat(line.get("cycle").asLong()).isEqualTo(i);
        assertThat(line.get("seed").asLong()).isEqualTo(7 + i);
        assertThat(line.get("success").asBoolean()).as(lines.get(i)).isTrue();
      }
      // and: the metrics server is gone
      assertThat(reachable(metrics)).isFalse();
    }
  }

  private URI metricsUrl() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_FOR_CYCLE.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = METRICS_URL.matcher(cli.err.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("synthetics never announced its /metrics; stderr: " + cli.err);
  }

  private Scrape awaitChecks(URI metrics, int checks) throws Exception {
    long deadline = System.nanoTime() + WAIT_FOR_CYCLE.toNanos();
    while (System.nanoTime() < deadline) {
      String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
      double total = value(body, "synthetic_checks_total{" + SCENARIO + ",result=\"success\"}")
          + value(body, "synthetic_checks_total{" + SCENARIO + ",result=\"failure\"}");
      if (total >= checks) {
        assertThat(total).as("checks seen by one scrape (scrapes are 100 ms apart, cycles 2 s)").isEqualTo(checks);
        return new Scrape(value(body, "synthetic_check_success{" + SCENARIO + "}"),
            value(body, "synthetic_check_last_run_timestamp_seconds{" + SCENARIO + "}"), total,
            value(body, "synthetic_requests_total{" + SCENARIO + ",outcome=\"ok\"}"));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("cycle " + checks + " did not end within " + WAIT_FOR_CYCLE + "; stdout: " + cli.out
        + "; stderr: " + cli.err);
  }

  private static double value(String metrics, String series) {
    return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).orElse(0.0);
  }

  private boolean reachable(URI metrics) {
    try {
      http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
