package dev.chaosharness.core.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free loopback ports for child processes to bind later.
 *
 * <p>A port the kernel hands out for port 0 comes from the ephemeral range, the same range it
 * uses for the local end of outgoing connections; in the second or two before a child process
 * binds it, any busy client on the machine may take it ({@code Address already in use}). So
 * ports are drawn at random from below the ephemeral range ({@value #LOWEST} up to
 * {@code ip_local_port_range}'s lower bound), checked free by binding, and never handed out
 * twice by one JVM. Where the range is unknown or nothing in it is free, port 0 decides.
 */
final class Ports {

  static final int LOWEST = 10_000;
  private static final int ATTEMPTS = 50;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** A loopback port that was free a moment ago, outside the ephemeral range where possible. */
  static int free() {
    int ceiling = ephemeralLowerBound(EPHEMERAL_RANGE);
    for (int i = 0; ceiling > LOWEST && i < ATTEMPTS; i++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
      if (HANDED_OUT.add(port)) {
        if (bindable(port)) {
          return port;
        }
        HANDED_OUT.remove(port);
      }
    }
    return kernelChosen();
  }

  /** The lower bound of the ephemeral range in {@code file}, or 0 when it cannot be read. */
  static int ephemeralLowerBound(Path file) {
    try {
      // Files.readString trusts the size /proc reports (0) and returns a single byte
      String[] bounds = Files.readAllLines(file).get(0).trim().split("\\s+");
      return Integer.parseInt(bounds[0]);
    } catch (IOException | RuntimeException unknown) {
      return 0;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(loopback(port), 1);
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }

  private static int kernelChosen() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free loopback port", e);
    }
  }

  /** {@code 127.0.0.1:port}. */
  static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** {@code host:port} as a string (no leading slash). */
  static String hostPort(InetSocketAddress address) {
    String host = address.getAddress() != null
        ? address.getAddress().getHostAddress() : address.getHostString();
    return host + ":" + address.getPort();
  }
}
