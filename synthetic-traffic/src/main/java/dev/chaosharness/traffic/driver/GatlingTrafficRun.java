package dev.chaosharness.traffic.driver;

import dev.chaosharness.core.traffic.AssertionOutcome;
import dev.chaosharness.core.traffic.TrafficException;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficLog;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficProgress;
import dev.chaosharness.core.traffic.TrafficRecord;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficRun;
import dev.chaosharness.core.traffic.TrafficStatus;
import dev.chaosharness.core.traffic.TrafficTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gatling child JVM and the thread that tails its traffic log into a {@link TrafficTally}
 * and the listener.
 *
 * <p>Thread-safe: the result is computed once, under the run's lock.
 */
final class GatlingTrafficRun implements TrafficRun {

  private static final Logger LOG = LoggerFactory.getLogger(GatlingTrafficRun.class);
  static final int ASSERTIONS_FAILED = 2;

  private final TrafficPlan plan;
  private final Path directory;
  private final Path trafficLog;
  private final Process process;
  private final TrafficListener listener;
  private final TrafficTally tally;
  private final LogTailer tailer;
  private final Thread tailThread;
  /** Cleared to stop the tail thread; an interrupt would close the log channel in mid-read. */
  private volatile boolean tailing = true;
  /** The child dies with the caller's JVM, whatever way it exits. */
  private final Thread killChild = new Thread(this::destroyChild, "traffic-kill-child");
  private volatile boolean stopping;
  private TrafficResult result;

  GatlingTrafficRun(TrafficPlan plan, Path directory, Path trafficLog, Process process, TrafficListener listener) {
    this.plan = plan;
    this.directory = directory;
    this.trafficLog = trafficLog;
    this.process = process;
    this.listener = listener;
    this.tally = new TrafficTally(plan);
    this.tailer = new LogTailer(trafficLog);
    this.tailThread = new Thread(this::tail, "traffic-tail-" + plan.scenario());
    tailThread.setDaemon(true);
    tailThread.start();
    Runtime.getRuntime().addShutdownHook(killChild);
  }

  private void destroyChild() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public Path trafficLog() {
    return trafficLog;
  }

  @Override
  public TrafficProgress progress() {
    return tally.progress();
  }

  @Override
  public boolean isDone() {
    return !process.isAlive();
  }

  @Override
  public TrafficResult await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TrafficException("Traffic run " + plan + " did not end within " + timeout
            + "; last progress: " + progress() + "; stop() it to keep the results so far");
      }
    } catch (InterruptedException e) {
      try {
        return stop(); // before restoring the interrupt: reading the log on an interrupted thread would fail
      } finally {
        Thread.currentThread().interrupt();
      }
    }
    return finish(stopping ? TrafficStatus.STOPPED : statusOf(process.exitValue()));
  }

  @Override
  public TrafficResult stop() {
    stopping = true;
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: the child's shutdown hook flushes the traffic log
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      return finish(TrafficStatus.STOPPED);
    }
    return finish(statusOf(process.exitValue()));
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized TrafficResult finish(TrafficStatus status) {
    if (result != null) {
      return result;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killChild);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting; the hook runs after us and finds the child gone
    }
    tailing = false;
    try {
      tailThread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain();
    if (status == TrafficStatus.FAILED) {
      LOG.warn("Gatling ended with exit code {} for {}; see {}", process.exitValue(), plan, directory.resolve("gatling.log"));
    }
    result = tally.result(status, directory, trafficLog, report().orElse(null), gatlingAssertions(status));
    return result;
  }

  private List<AssertionOutcome> gatlingAssertions(TrafficStatus status) {
    if (status != TrafficStatus.COMPLETED) {
      return List.of();
    }
    boolean passed = process.exitValue() == 0;
    return List.of(new AssertionOutcome("Gatling assertions (response time from send, failed requests)",
        passed ? "all held" : "some failed, see gatling.log and the HTML report", passed));
  }

  private static TrafficStatus statusOf(int exitCode) {
    if (exitCode == 130 || exitCode == 143) {
      return TrafficStatus.STOPPED; // SIGINT or SIGTERM from outside, e.g. Ctrl-C on the terminal
    }
    return exitCode == 0 || exitCode == ASSERTIONS_FAILED ? TrafficStatus.COMPLETED : TrafficStatus.FAILED;
  }

  private Optional<Path> report() {
    Path gatling = directory.resolve("gatling");
    if (!Files.isDirectory(gatling)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(gatling, 2)) {
      return files.filter(p -> p.getFileName().toString().equals("index.html")).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void tail() {
    while (tailing) {
      try {
        drain();
      } catch (UncheckedIOException e) {
        LOG.warn("Stopped following {} ({}); the final read picks up the rest", trafficLog, e.getMessage());
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void drain() {
    synchronized (tailer) {
      drainLines();
    }
  }

  private void drainLines() {
    for (String line : tailer.poll()) {
      TrafficRecord record;
      try {
        record = TrafficLog.parse(line);
      } catch (IllegalArgumentException e) {
        LOG.warn("Skipping a bad traffic log line in {}: {}", trafficLog, e.getMessage());
        continue;
      }
      tally.add(record);
      try {
        listener.onResponse(record);
      } catch (RuntimeException e) {
        LOG.warn("Traffic listener {} failed on {}; continuing", listener, record, e);
      }
    }
  }
}
