package dev.chaosharness.core.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a disabled proxy's listen port reserved while it is down.
 *
 * <p>A socket that is bound but neither listening nor connected holds the port: the kernel
 * answers connection attempts with a reset (clients see "connection refused", as with a closed
 * listener), and no other socket, not even an ephemeral one of an outgoing connection, can take
 * the port before the proxy is enabled again. Without it a busy machine hands the port to
 * someone else and re-enabling fails with "address already in use".
 *
 * <p>Not thread-safe; owned by one {@link TcpProxy} under its lock.
 */
final class PortHold implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PortHold.class);

  private final Socket socket;

  private PortHold(Socket socket) {
    this.socket = socket;
  }

  /** Binds {@code address} without listening, or returns {@code null} (logged) when it cannot. */
  static PortHold tryHold(InetSocketAddress address) {
    Socket socket = new Socket();
    try {
      // Coexists with TIME_WAIT leftovers of earlier connections; still keeps the port out of
      // ephemeral and port-0 allocation, which is how a busy machine would take it.
      socket.setReuseAddress(true);
      socket.bind(address);
      return new PortHold(socket);
    } catch (IOException e) {
      LOG.warn("Could not hold port {} of a disabled proxy; another process may take it", address, e);
      closeQuietly(socket);
      return null;
    }
  }

  /** Releases the port. */
  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("Closing a port hold failed", e);
    }
  }
}
