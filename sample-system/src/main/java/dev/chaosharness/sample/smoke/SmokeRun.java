package dev.chaosharness.sample.smoke;

import dev.chaosharness.sample.kit.EventCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Places a seeded mix of orders over every saga path at a fixed rate, waits for their terminal
 * events, and reports counts, placement-to-terminal percentiles and throughput.
 *
 * <pre>{@code
 * SmokeReport report = SmokeRun.run(new SmokeSettings(URI.create("http://127.0.0.1:8080"),
 *     "127.0.0.1:9092", 200, 50, 42, "run-1", Duration.ofSeconds(30)), System.err::println);
 * }</pre>
 *
 * <p>One run per call; not thread-safe.
 */
public final class SmokeRun {

  private static final int MAX_PROBLEMS = 10;

  private record Placed(int index, SagaPath path, long sentNanos, CompletableFuture<HttpResponse<String>> answer) {
  }

  private SmokeRun() {
  }

  /**
   * Runs the smoke test.
   *
   * @param settings what to do
   * @param progress receives a progress line now and then
   * @return the report
   * @throws InterruptedException when interrupted while pacing or waiting
   */
  public static SmokeReport run(SmokeSettings settings, Consumer<String> progress) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    try (TerminalWatcher watcher = new TerminalWatcher(settings.kafkaBootstrapServers())) {
      long start = System.nanoTime();
      List<Placed> placed = place(settings, http, start, progress);
      List<String> orderIds = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      int rejected = 0;
      for (Placed p : placed) {
        String orderId = orderIdOf(p, problems);
        if (orderId == null) {
          rejected++;
        }
        orderIds.add(orderId);
      }
      awaitOutcomes(watcher, orderIds, settings, progress);
      return report(settings, placed, orderIds, watcher, start, rejected, problems);
    }
  }

  private static List<Placed> place(SmokeSettings settings, HttpClient http, long start, Consumer<String> progress)
      throws InterruptedException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    URI uri = settings.orderUrl().resolve("/orders");
    List<Placed> placed = new ArrayList<>(settings.orders());
    long intervalNanos = (long) (1e9 / settings.ratePerSecond());
    for (int i = 0; i < settings.orders(); i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      SagaPath path = SagaPath.pick(random);
      HttpRequest request = HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", "smoke-" + settings.runId() + "-" + settings.seed() + "-" + i)
          .header("X-Synthetic", "true")
          .POST(HttpRequest.BodyPublishers.ofString(path.requestBody("c-smoke-" + (i % 1000))))
          .build();
      placed.add(new Placed(i, path, System.nanoTime(), http.sendAsync(request, HttpResponse.BodyHandlers.ofString())));
      if ((i + 1) % 1000 == 0) {
        progress.accept("placed " + (i + 1) + "/" + settings.orders());
      }
    }
    return placed;
  }

  private static String orderIdOf(Placed p, List<String> problems) {
    try {
      HttpResponse<String> response = p.answer().join();
      if (response.statusCode() != 201) {
        addProblem(problems, "order " + p.index() + " (" + p.path() + ") was answered " + response.statusCode() + ": "
            + response.body());
        return null;
      }
      return EventCodec.JSON.readTree(response.body()).path("orderId").asText();
    } catch (Exception e) {
      addProblem(problems, "order " + p.index() + " (" + p.path() + ") could not be placed: " + e);
      return null;
    }
  }

  private static void awaitOutcomes(TerminalWatcher watcher, List<String> orderIds, SmokeSettings settings,
      Consumer<String> progress) throws InterruptedException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    long lastProgress = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long open = orderIds.stream().filter(id -> id != null && watcher.terminal(id) == null).count();
      if (open == 0) {
        return;
      }
      if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
        progress.accept("waiting for " + open + " sagas to end");
        lastProgress = System.nanoTime();
      }
      Thread.sleep(50);
    }
  }

  private static SmokeReport report(SmokeSettings settings, List<Placed> placed, List<String> orderIds,
      TerminalWatcher watcher, long start, int rejected, List<String> problems) {
    int completed = 0;
    int failed = 0;
    int stuck = 0;
    int unexplained = 0;
    long lastSeen = start;
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      String orderId = orderIds.get(i);
      if (orderId == null) {
        continue;
      }
      TerminalWatcher.Terminal terminal = watcher.terminal(orderId);
      if (terminal == null) {
        stuck++;
        addProblem(problems, "order " + orderId + " (" + placed.get(i).path() + ") has no outcome after "
            + settings.timeout().toSeconds() + " s");
        continue;
      }
      if (terminal.status().equals("COMPLETED")) {
        completed++;
      } else {
        failed++;
      }
      if (!placed.get(i).path().explains(terminal.status(), terminal.reason())) {
        unexplained++;
        addProblem(problems, "order " + orderId + " (" + placed.get(i).path() + ") ended " + terminal.status()
            + (terminal.reason() == null ? "" : " (" + terminal.reason() + ")") + ", which its inputs do not explain");
      }
      latencies.add(terminal.seenNanos() - placed.get(i).sentNanos());
      lastSeen = Math.max(lastSeen, terminal.seenNanos());
    }
    latencies.sort(null);
    double seconds = (lastSeen - start) / 1e9;
    return new SmokeReport(placed.size(), completed, failed, stuck, rejected, unexplained,
        percentileMillis(latencies, 0.50), percentileMillis(latencies, 0.99),
        seconds > 0 ? (completed + failed) / seconds : 0, problems);
  }

  static long percentileMillis(List<Long> sortedNanos, double quantile) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(quantile * sortedNanos.size()) - 1;
    return TimeUnit.NANOSECONDS.toMillis(sortedNanos.get(Math.max(0, index)));
  }

  private static void addProblem(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }
}
