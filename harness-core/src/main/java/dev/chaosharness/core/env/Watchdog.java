package dev.chaosharness.core.env;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the harness's children when the harness JVM dies in a way no shutdown hook survives
 * (SIGKILL, a crash).
 *
 * <p>The watchdog is a tiny {@code sh} process in its own session that reads lines
 * {@code + <pid>} and {@code - <pid>} from a pipe whose write end only the harness holds. When
 * the harness dies, the kernel closes the pipe; the watchdog reads end-of-file, sends SIGTERM to
 * every PID still registered, waits up to two seconds, then sends SIGKILL. It ignores SIGINT,
 * SIGHUP and SIGTERM, so Ctrl-C on the terminal does not take it away early. One watchdog
 * serves the whole JVM.
 *
 * <p>Thread-safe.
 */
final class Watchdog {

  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

  private static final String SCRIPT = String.join("\n",
      "trap '' INT HUP TERM",
      "pids=''",
      "while read -r op pid; do",
      "  case \"$op\" in",
      "    +) pids=\"$pids $pid\" ;;",
      "    -) pids=$(for p in $pids; do [ \"$p\" = \"$pid\" ] || printf '%s ' \"$p\"; done) ;;",
      "  esac",
      "done",
      "[ -z \"$pids\" ] && exit 0",
      "kill -TERM $pids 2>/dev/null",
      "i=0",
      "while [ $i -lt 20 ]; do",
      "  alive=''",
      "  for p in $pids; do kill -0 \"$p\" 2>/dev/null && alive=\"$alive $p\"; done",
      "  [ -z \"$alive\" ] && exit 0",
      "  sleep 0.1; i=$((i+1))",
      "done",
      "kill -KILL $pids 2>/dev/null",
      "exit 0");

  private static Watchdog shared;

  private final Process process;
  private final OutputStream pipe;

  private Watchdog(Process process) {
    this.process = process;
    this.pipe = process.getOutputStream();
  }

  /** The JVM's watchdog, started on first use. */
  static synchronized Watchdog shared() {
    if (shared == null || !shared.process.isAlive()) {
      shared = start();
    }
    return shared;
  }

  private static Watchdog start() {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.addAll(List.of("/bin/sh", "-c", SCRIPT));
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      LOG.debug("Watchdog started with pid {}", process.pid());
      return new Watchdog(process);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the process watchdog (/bin/sh); "
          + "children would survive a killed harness", e);
    }
  }

  /** The watchdog's own PID. */
  long pid() {
    return process.pid();
  }

  /** Registers a child to kill if the harness dies. */
  synchronized void watch(long pid) {
    send("+ " + pid);
  }

  /** Forgets a child that has exited. */
  synchronized void forget(long pid) {
    send("- " + pid);
  }

  private void send(String line) {
    try {
      pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      pipe.flush();
    } catch (IOException e) {
      LOG.warn("Process watchdog is gone; could not send '{}'", line, e);
    }
  }
}
