package dev.chaosharness.core.env;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LinkRouter} whose links are proxies of a Toxiproxy server running in a container,
 * created through its HTTP API with the Toxiproxy Java client.
 *
 * <p>Each link takes the next free listen port of the container ({@code 8666}, {@code 8667},
 * ...); clients on the host reach it on that port's host mapping. An upstream given as an
 * unresolved address ({@code postgres:5432}) is a name on the containers' network and is used
 * as is; a resolved address is a port on the host (a service), which the container reaches
 * as {@code host.testcontainers.internal:<port>} once that port is exposed to containers.
 *
 * <p>Thread-safe. {@link #close()} deletes the proxies this router created and is idempotent.
 */
final class ToxiproxyLinkRouter implements LinkRouter {

  private static final Logger LOG = LoggerFactory.getLogger(ToxiproxyLinkRouter.class);

  /** The first port Toxiproxy listens on for links, inside its container. */
  static final int FIRST_LISTEN_PORT = 8666;
  /** How containers reach a port exposed from the host. */
  static final String HOST_FROM_CONTAINERS = "host.testcontainers.internal";

  private final ToxiproxyClient client;
  private final int firstListenPort;
  private final int listenPorts;
  private final IntFunction<InetSocketAddress> hostAddressOf;
  private final IntUnaryOperator exposeHostPort;
  private final Map<String, Proxy> proxies = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();
  private boolean closed;

  /**
   * Creates the router.
   *
   * @param client the Toxiproxy API client
   * @param firstListenPort the first port links listen on in the container (usually
   *     {@link #FIRST_LISTEN_PORT})
   * @param listenPorts how many listen ports (from {@code firstListenPort}) the container maps
   * @param hostAddressOf container port to the address host clients connect to
   * @param exposeHostPort exposes a host port to containers and returns it
   */
  ToxiproxyLinkRouter(ToxiproxyClient client, int firstListenPort, int listenPorts,
      IntFunction<InetSocketAddress> hostAddressOf, IntUnaryOperator exposeHostPort) {
    this.client = client;
    this.firstListenPort = firstListenPort;
    this.listenPorts = listenPorts;
    this.hostAddressOf = hostAddressOf;
    this.exposeHostPort = exposeHostPort;
  }

  /** The container port the next opened link will listen on. */
  synchronized int nextListenPort() {
    if (order.size() >= listenPorts) {
      throw new IllegalStateException("Toxiproxy container maps " + listenPorts
          + " link ports, but link " + (order.size() + 1) + " was requested; known links: "
          + order);
    }
    return firstListenPort + order.size();
  }

  @Override
  public synchronized InetSocketAddress open(String name, InetSocketAddress upstream) {
    if (closed) {
      throw new IllegalStateException("Router is closed; cannot open link '" + name + "'");
    }
    if (proxies.containsKey(name)) {
      throw new IllegalArgumentException("Link '" + name + "' is already open; known links: "
          + order);
    }
    int listen = nextListenPort();
    try {
      proxies.put(name, client.createProxy(name, "0.0.0.0:" + listen, inNetwork(upstream)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create Toxiproxy proxy '" + name + "' to "
          + inNetwork(upstream) + " (is the Toxiproxy container running?)", e);
    }
    order.add(name);
    return hostAddressOf.apply(listen);
  }

  @Override
  public synchronized void retarget(String name, InetSocketAddress upstream) {
    Proxy proxy = proxies.get(name);
    if (proxy == null) {
      throw new IllegalArgumentException("Link '" + name + "' does not exist; known links: "
          + order);
    }
    try {
      proxy.setUpstream(inNetwork(upstream));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not retarget Toxiproxy proxy '" + name + "'", e);
    }
  }

  private String inNetwork(InetSocketAddress upstream) {
    if (upstream.isUnresolved()) {
      return upstream.getHostString() + ":" + upstream.getPort();
    }
    return HOST_FROM_CONTAINERS + ":" + exposeHostPort.applyAsInt(upstream.getPort());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    proxies.forEach((name, proxy) -> {
      try {
        proxy.delete();
      } catch (IOException e) {
        LOG.warn("Could not delete Toxiproxy proxy '{}'", name, e);
      }
    });
    proxies.clear();
  }
}
