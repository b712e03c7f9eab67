package dev.chaosharness.core.env;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Tells whether a started component is ready to serve, and what was observed when it is not.
 *
 * <p>Implementations are called repeatedly from one thread; they must not block for long
 * (a second at most per call).
 */
@FunctionalInterface
public interface ReadinessProbe {

  /** Probes once; never throws. */
  Result probe();

  /** What one probe saw. */
  record Result(boolean ready, String observed) {

    /** Validates the observation. */
    public Result {
      if (observed == null || observed.isBlank()) {
        throw new IllegalArgumentException("observed must not be blank, but was '" + observed + "'");
      }
    }

    /** A ready result. */
    public static Result ready(String observed) {
      return new Result(true, observed);
    }

    /** A not-ready result saying what was seen instead. */
    public static Result notReady(String observed) {
      return new Result(false, observed);
    }
  }

  /** Ready once the process is alive (no probing). */
  static ReadinessProbe none() {
    return () -> Result.ready("process started");
  }

  /** Ready when a TCP connection to {@code address} succeeds. */
  static ReadinessProbe tcp(InetSocketAddress address) {
    return () -> {
      try (Socket socket = new Socket()) {
        socket.connect(address, 500);
        return Result.ready("TCP connect to " + address + " succeeded");
      } catch (IOException e) {
        return Result.notReady("TCP connect to " + address + " failed: " + e.getMessage());
      }
    };
  }

  /** Ready when {@code GET uri} answers 200. */
  static ReadinessProbe httpOk(URI uri) {
    return () -> {
      try {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(1000);
        try {
          int status = connection.getResponseCode();
          return status == 200
              ? Result.ready("GET " + uri + " answered 200")
              : Result.notReady("GET " + uri + " answered " + status);
        } finally {
          connection.disconnect();
        }
      } catch (IOException e) {
        return Result.notReady("GET " + uri + " failed: " + e);
      }
    };
  }
}
