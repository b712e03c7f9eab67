package dev.chaosharness.core.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link LinkRouter}: a plain TCP pass-through per link, with no faults.
 *
 * <p>Each link listens on a free loopback port and, for every accepted connection, connects to
 * the link's current upstream and copies bytes both ways on two daemon threads (links carry a
 * handful of long-lived connections, so threads are cheap and simple). {@link #retarget} affects
 * new connections. Closing a link closes its listener and every connection through it.
 *
 * <p>Thread-safe.
 */
public final class PassThroughLinkRouter implements LinkRouter {

  private static final Logger LOG = LoggerFactory.getLogger(PassThroughLinkRouter.class);

  private final Map<String, Link> links = new ConcurrentHashMap<>();
  private volatile boolean closed;

  @Override
  public InetSocketAddress open(String name, InetSocketAddress upstream) {
    if (closed) {
      throw new IllegalStateException("Router is closed; cannot open link '" + name + "'");
    }
    Link link = new Link(name, upstream);
    if (links.putIfAbsent(name, link) != null) {
      link.close();
      throw new IllegalArgumentException("Link '" + name + "' is already open; known links: "
          + links.keySet());
    }
    link.start();
    return link.address();
  }

  @Override
  public void retarget(String name, InetSocketAddress upstream) {
    link(name).upstream = upstream;
  }

  /** How many connections the link {@code name} has accepted so far. */
  public int connections(String name) {
    return link(name).accepted.get();
  }

  @Override
  public void close() {
    closed = true;
    links.values().forEach(Link::close);
    links.clear();
  }

  private Link link(String name) {
    Link link = links.get(name);
    if (link == null) {
      throw new IllegalArgumentException("Link '" + name + "' does not exist; known links: "
          + links.keySet());
    }
    return link;
  }

  private static final class Link {
    private final String name;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile InetSocketAddress upstream;

    Link(String name, InetSocketAddress upstream) {
      this.name = name;
      this.upstream = upstream;
      try {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not open a listener for link '" + name + "'", e);
      }
    }

    InetSocketAddress address() {
      return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    void start() {
      daemon("link " + name + " accept", this::acceptLoop).start();
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          accepted.incrementAndGet();
          connect(client);
        } catch (IOException e) {
          if (!server.isClosed()) {
            LOG.warn("Link '{}' failed to accept a connection", name, e);
          }
        }
      }
    }

    private void connect(Socket client) {
      Socket target = new Socket();
      sockets.add(client);
      sockets.add(target);
      try {
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        target.connect(upstream, 5000);
      } catch (IOException e) {
        LOG.debug("Link '{}' could not reach {}: {}", name, upstream, e.toString());
        closeQuietly(client, target);
        return;
      }
      daemon("link " + name + " up", () -> pump(client, target)).start();
      daemon("link " + name + " down", () -> pump(target, client)).start();
    }

    private void pump(Socket from, Socket to) {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          out.write(buffer, 0, n);
        }
      } catch (IOException e) {
        LOG.trace("Link '{}' stream ended: {}", name, e.toString());
      } finally {
        closeQuietly(from, to);
      }
    }

    private void closeQuietly(Socket... pair) {
      for (Socket socket : pair) {
        sockets.remove(socket);
        try {
          socket.close();
        } catch (IOException e) {
          LOG.trace("Link '{}' close failed", name, e);
        }
      }
    }

    void close() {
      try {
        server.close();
      } catch (IOException e) {
        LOG.trace("Link '{}' listener close failed", name, e);
      }
      sockets.forEach(socket -> closeQuietly(socket));
    }

    private static Thread daemon(String name, Runnable body) {
      Thread thread = new Thread(body, name);
      thread.setDaemon(true);
      return thread;
    }
  }
}
