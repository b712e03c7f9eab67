package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.SagaSpec;
import dev.chaosharness.core.check.SyntheticSagas;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.HistoryReader;
import dev.chaosharness.core.history.HistoryWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness bench check}: checks synthetic sample-saga histories of growing size with every
 * checker, and reads a history file against a raw line-count baseline of the same file.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks the saga checkers and the history file reader on synthetic sample-saga histories.",
      "Prints time per event per size (linearity as a ratio to the smallest size), the read rate as a ratio to a raw",
      "line count of the same file, and bytes held per event. Exit 1 when a goal is missed."
    })
final class BenchCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "100000,1000000,5000000", description = "History sizes in events (default ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--read-events", paramLabel = "N", defaultValue = "1000000", description = "Events in the history file read back (default ${DEFAULT-VALUE}; 0 skips).")
  int readEvents;

  @Option(names = "--anomaly-every", paramLabel = "N", defaultValue = "1000", description = "Inject one anomaly every N sagas (default ${DEFAULT-VALUE}).")
  int anomalyEvery;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dir", paramLabel = "DIR", description = "Directory for the temporary history file (default: the system temp directory).")
  Path dir;

  private PrintWriter out;
  private boolean goalsMet = true;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1000)) {
      throw new UserError("--sizes must list sizes >= 1000, but was " + sizes);
    }
    out.printf("bench check: seed %d, one anomaly every %d sagas, checks on one thread, %d processors visible%n",
        seed, anomalyEvery, Runtime.getRuntime().availableProcessors());
    SagaSpec sagaSpec = SyntheticSagas.sampleSpec();
    checkSizes(sagaSpec);
    if (readEvents > 0) {
      readFile();
    }
    out.println(goalsMet ? "all goals met" : "GOAL MISSED (see above)");
    out.flush();
    return goalsMet ? 0 : HarnessCommand.EXIT_FAILED;
  }

  private void checkSizes(SagaSpec sagaSpec) {
    warmUp(sagaSpec);
    out.println("times are CPU time of the checking thread (best run); wall time in brackets");
    out.println("size        check ms (wall ms)   ns/event   Mevents/s   ns/event vs smallest   anomalies found/injected");
    double baseNsPerEvent = 0;
    for (int size : sizes.stream().sorted().toList()) {
      progress("generating " + size + " events");
      SyntheticSagas.Generated run = SyntheticSagas.generate(size, seed, anomalyEvery);
      EventHistory history = run.history();
      Verdict[] verdict = new Verdict[1];
      long nanos = best(size <= 1_000_000 ? 3 : 2, () -> timed(() -> verdict[0] = SagaChecker.of(sagaSpec).check(history)));
      double nsPerEvent = (double) nanos / history.size();
      baseNsPerEvent = baseNsPerEvent == 0 ? nsPerEvent : baseNsPerEvent;
      Map<String, Integer> found = verdict[0].anomalies().stream().collect(Collectors.toMap(a -> a.kind(), a -> 1, Integer::sum));
      out.printf(Locale.ROOT, "%-11d %8.1f (%7.1f) %10.1f %11.2f %22.2fx   %s / %s%n", history.size(), nanos / 1e6, bestWall / 1e6, nsPerEvent,
          1e3 / nsPerEvent, nsPerEvent / baseNsPerEvent, new TreeMap<>(found), new TreeMap<>(run.injected()));
      if (!found.equals(run.injected())) {
        fail("the checkers found " + found + " but " + run.injected() + " were injected");
      }
      if (history.size() >= 1_000_000) {
        double perMillion = nsPerEvent * 1e6 / 1e9;
        goal(perMillion < 2.0, String.format(Locale.ROOT, "1,000,000 events checked in %.2f s (goal < 2 s)", perMillion));
      }
    }
  }

  private void warmUp(SagaSpec sagaSpec) {
    progress("warming up");
    EventHistory small = SyntheticSagas.generate(100_000, seed + 1, anomalyEvery).history();
    for (int i = 0; i < 5; i++) {
      SagaChecker.of(sagaSpec).check(small);
    }
  }

  private void readFile() throws IOException {
    Path file = Files.createTempFile(dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir, "bench-history-", ".jsonl");
    try {
      progress("writing a history file of " + readEvents + " events to " + file);
      EventHistory written = SyntheticSagas.generate(readEvents, seed, anomalyEvery).history();
      HistoryWriter.write(file, written);
      long bytes = Files.size(file);
      written = null;
      long[] lines = new long[1];
      long raw = best(5, () -> timed(() -> lines[0] = countLines(file)));
      long rawWall = bestWall;
      long heapBefore = usedHeapAfterGc();
      EventHistory[] read = new EventHistory[1];
      long parse = best(5, () -> {
        read[0] = null;
        return timed(() -> read[0] = HistoryReader.read(file));
      });
      long parseWall = bestWall;
      long heapAfter = usedHeapAfterGc();
      int n = read[0].size();
      out.printf(Locale.ROOT, "read %d events (%.0f MB), CPU time (wall): raw line count %.0f ms (%.0f ms), %.2f M lines/s, "
              + "%.0f MB/s; history reader %.0f ms (%.0f ms), %.2f M events/s; reader/raw time %.2fx%n",
          n, bytes / 1e6, raw / 1e6, rawWall / 1e6, lines[0] * 1e3 / raw, bytes * 1e3 / raw, parse / 1e6, parseWall / 1e6,
          n * 1e3 / parse, (double) parse / raw);
      out.printf(Locale.ROOT, "memory: %.0f bytes/event estimated from the columns, %.0f bytes/event measured as heap "
          + "growth after GC (goal <= 300)%n", (double) read[0].estimatedBytes() / n, (double) (heapAfter - heapBefore) / n);
      goal(n * 1e9 / parse >= 1_000_000, String.format(Locale.ROOT, "history file read at %.2f M events/s (goal >= 1 M/s)", n * 1e3 / parse));
      goal(read[0].estimatedBytes() / n <= 300, "at most 300 bytes held per event");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static long countLines(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 20];
      long lines = 0;
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Runs {@code work} and returns the CPU time of this thread it took (robust on a shared machine); records wall time too. */
  private long timed(Runnable work) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    work.run();
    lastWall = System.nanoTime() - start;
    return threads.getCurrentThreadCpuTime() - cpu;
  }

  private long lastWall;

  /** Returns the least CPU time of {@code runs} runs; {@link #bestWall} holds the least wall time. */
  private long best(int runs, LongSupplier run) {
    long best = Long.MAX_VALUE;
    bestWall = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      best = Math.min(best, run.getAsLong());
      bestWall = Math.min(bestWall, lastWall);
    }
    return best;
  }

  private long bestWall;

  private void goal(boolean met, String what) {
    out.println((met ? "goal met: " : "GOAL MISSED: ") + what);
    goalsMet &= met;
  }

  private void fail(String what) {
    out.println("GOAL MISSED: " + what);
    goalsMet = false;
  }

  private void progress(String what) {
    spec.commandLine().getErr().println("... " + what);
    spec.commandLine().getErr().flush();
  }
}
