package dev.chaosharness.core.env;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised OS process: started from a {@link ProcessSpec}, logging stdout and stderr to
 * its log file, registered with the JVM's watchdog so it never outlives the harness.
 *
 * <pre>{@code
 * try (ProcessSupervisor supervisor = new ProcessSupervisor()) {
 *   ManagedProcess broker = supervisor.start(spec);
 *   broker.awaitReady(Duration.ofSeconds(30));
 *   broker.pause();   // SIGSTOP
 *   broker.resume();  // SIGCONT
 *   broker.kill();    // SIGKILL
 *   broker.restart(); // same command, same directories and log file
 *   broker.awaitReady(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <pre>
 *   start ──► running ──pause()──► paused ──resume()──► running
 *                │  ▲                  │
 *        kill()  │  │ restart()        │ kill() / close()
 *                ▼  │                  ▼
 *              exited ◄────────────────┘ ──close()──► closed (final)
 * </pre>
 *
 * <p>Thread-safe: every method may be called from any thread; lifecycle methods are serialised.
 */
public final class ManagedProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
  private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "TZ", "JAVA_HOME");
  /** A stack trace's frame or elision line: {@code at a.B.c(B.java:1)}, {@code ... 16 more}. */
  private static final Pattern STACK_FRAME = Pattern.compile("(at \\S+\\(.*\\)|\\.\\.\\. \\d+ more)");

  private final ProcessSpec spec;
  private final Watchdog watchdog;
  private volatile Process process;
  private boolean closed;

  ManagedProcess(ProcessSpec spec, Watchdog watchdog) {
    this.spec = spec;
    this.watchdog = watchdog;
  }

  /** The component name, for example {@code kafka} or {@code order}. */
  public String name() {
    return spec.name();
  }

  /** What this process runs. */
  public ProcessSpec spec() {
    return spec;
  }

  /** The PID of the current incarnation. */
  public long pid() {
    return current().pid();
  }

  /** The file receiving stdout and stderr (appended across restarts). */
  public Path logFile() {
    return spec.logFile();
  }

  /** Whether the current incarnation is running (a paused process is alive). */
  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Kills the process (and anything it started) with SIGKILL and waits until they exited. */
  public synchronized void kill() {
    Process p = current();
    LOG.info("Killing {} (pid {}) with SIGKILL", name(), p.pid());
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    awaitExit(p, Duration.ofSeconds(10));
    killAll(children);
  }

  /**
   * Kills what the process had started (PostgreSQL's backends, for example) and waits until it
   * is gone: a restart must not find them still holding the data folder.
   */
  private static void killAll(List<ProcessHandle> children) {
    children.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Freezes the process with SIGSTOP; returns once the kernel reports it stopped. */
  public synchronized void pause() {
    long pid = current().pid();
    signal("STOP", pid);
    awaitState(pid, true);
  }

  /** Thaws a paused process with SIGCONT; returns once the kernel reports it running. */
  public synchronized void resume() {
    long pid = current().pid();
    signal("CONT", pid);
    awaitState(pid, false);
  }

  /** Signals are delivered asynchronously: wait (bounded) until /proc shows the new state. */
  private void awaitState(long pid, boolean stopped) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    char state = ProcState.of(pid);
    while ((state == 'T') != stopped && state != ProcState.GONE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Process '" + name() + "' (pid " + pid + ") did not become "
                + (stopped ? "stopped" : "running") + " within 2 s; last state '" + state + "'");
      }
      Thread.onSpinWait();
      state = ProcState.of(pid);
    }
  }

  /**
   * Starts the same command again with the same directories and log file, stopping the
   * current incarnation first if it is alive; returns without waiting for readiness.
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("Process '" + name() + "' is closed; it cannot restart");
    }
    stop();
    launch();
  }

  /**
   * Waits until the readiness probe passes and returns how long that took.
   *
   * @throws ComponentFailedException if the process exits first or the timeout passes; the
   *     message says what was awaited, for how long, the last observation and the log path
   */
  public Duration awaitReady(Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    ReadinessProbe.Result last = ReadinessProbe.Result.notReady("nothing probed yet");
    while (true) {
      Process p = current();
      if (!p.isAlive()) {
        throw new ComponentFailedException(name(), "exited with code " + p.exitValue()
            + " before it was ready" + lastLogLine(), logFile());
      }
      last = spec.readiness().probe();
      if (last.ready()) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > deadline) {
        throw new ComponentFailedException(name(), String.format(
            "was not ready within %.1f s; last observed: %s%s",
            timeout.toMillis() / 1000.0, last.observed(), lastLogLine()), logFile());
      }
      sleep(Duration.ofMillis(50));
    }
  }

  /**
   * Stops the process: the spec's stop signal (SIGTERM by default), the grace period, then
   * SIGKILL. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
  }

  synchronized void launch() {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid"); // own session: Ctrl-C reaches only the harness
    }
    command.addAll(spec.command());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(spec.workingDir().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
    Map<String, String> env = builder.environment();
    env.clear();
    INHERITED.forEach(key -> {
      String value = System.getenv(key);
      if (value != null) {
        env.put(key, value);
      }
    });
    env.putAll(spec.environment());
    try {
      Files.createDirectories(spec.workingDir());
      Files.createDirectories(spec.logFile().getParent());
      Files.writeString(spec.logFile(), "=== harness: starting " + name() + ": "
          + String.join(" ", spec.command()) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Process started = builder.start();
      long pid = started.pid();
      watchdog.watch(pid);
      started.onExit().thenRun(() -> {
        watchdog.forget(pid);
        spec.afterExit().accept(started.exitValue());
      });
      process = started;
      LOG.info("Started {} (pid {}), log {}", name(), pid, logFile());
    } catch (IOException e) {
      throw new ComponentFailedException(name(), "could not be launched ("
          + spec.command().get(0) + "): " + e.getMessage(), logFile(), e);
    }
  }

  private void stop() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    signal(spec.stopSignal(), p.pid());
    signal("CONT", p.pid()); // a paused process handles the stop signal only once thawed
    if (!awaitExit(p, spec.stopGrace())) {
      LOG.warn("{} (pid {}) did not stop within {}; sending SIGKILL", name(), p.pid(),
          spec.stopGrace());
      p.destroyForcibly();
      awaitExit(p, Duration.ofSeconds(10));
    }
    killAll(children);
    if (!p.isAlive()) {
      spec.afterExit().accept(p.exitValue()); // also runs from onExit; must be idempotent
    }
  }

  private Process current() {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException("Process '" + name() + "' was never started");
    }
    return p;
  }

  private static boolean awaitExit(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return false;
    }
  }

  private void signal(String signal, long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
          .redirectErrorStream(true).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        LOG.debug("kill -s {} {} ({}) failed: {}", signal, pid, name(), out.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not send SIG" + signal + " to " + name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last log line that says something: a stack trace's frames are skipped, so its root cause shows. */
  private String lastLogLine() {
    try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r")) {
      long length = file.length();
      int size = (int) Math.min(length, 4096);
      byte[] tail = new byte[size];
      file.seek(length - size);
      file.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        String line = lines[i].strip();
        if (!line.isEmpty() && !STACK_FRAME.matcher(line).matches()) {
          return "; last log line: " + line;
        }
      }
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while awaiting readiness", e);
    }
  }
}
