package dev.chaosharness.traffic.driver;

import dev.chaosharness.core.traffic.TrafficException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/** Checks that a base URL's host accepts TCP connections before any traffic is planned. Thread-safe. */
final class Reachability {

  private Reachability() {}

  /**
   * Connects to the host and port of {@code baseUrl} once.
   *
   * @throws TrafficException naming the URL, the error and the fix when it cannot connect
   */
  static void check(URI baseUrl, Duration timeout) {
    int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : "https".equals(baseUrl.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(baseUrl.getHost(), port), (int) timeout.toMillis());
    } catch (IOException e) {
      throw new TrafficException("Target " + baseUrl + " is unreachable (" + e.getMessage() + " connecting to "
          + baseUrl.getHost() + ":" + port + " within " + timeout.toMillis() + " ms); start the system or fix the base URL", e);
    }
  }
}
