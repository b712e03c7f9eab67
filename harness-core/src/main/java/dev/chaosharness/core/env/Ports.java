package dev.chaosharness.core.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks free loopback ports by binding port 0. */
final class Ports {

  private Ports() {}

  /** A loopback port that was free a moment ago. */
  static int free() {
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
