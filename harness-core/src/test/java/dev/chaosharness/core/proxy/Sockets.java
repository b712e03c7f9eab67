package dev.chaosharness.core.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Small blocking-socket helpers for tests over real TCP. */
final class Sockets {

  private Sockets() {}

  static Socket connect(String hostPort) throws IOException {
    int colon = hostPort.lastIndexOf(':');
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 5000);
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    return socket;
  }

  /** Reads exactly n bytes or fails; returns what was read. */
  static byte[] readExactly(InputStream in, int n) throws IOException {
    byte[] data = new byte[n];
    int read = 0;
    while (read < n) {
      int r = in.read(data, read, n - read);
      if (r < 0) {
        throw new IOException("stream closed after " + read + " of " + n + " bytes");
      }
      read += r;
    }
    return data;
  }

  /** Sends a payload and waits for its echo; returns the round trip in milliseconds. */
  static long roundTripMillis(Socket socket, byte[] payload) throws IOException {
    long start = System.nanoTime();
    socket.getOutputStream().write(payload);
    socket.getOutputStream().flush();
    readExactly(socket.getInputStream(), payload.length);
    return (System.nanoTime() - start) / 1_000_000;
  }
}
