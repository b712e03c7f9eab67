package dev.chaosharness.core.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One named proxy: a listening socket, its live connections and its toxics.
 *
 * <p>Control operations (start, stop, toxic changes) synchronize on the proxy; the data plane
 * reads the toxic list, a copy-on-write snapshot, from event loops without locking.
 */
final class TcpProxy {

  private final String name;
  private final ProxyRuntime runtime;
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final AtomicLong connectionSeq = new AtomicLong();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final Map<String, ScheduledFuture<?>> leases = new HashMap<>();
  private ScheduledFuture<?> disabledLease;
  private long disabledTtlMillis;
  private long disabledLeaseGeneration;
  private volatile List<Toxic> toxics = List.of();
  private volatile String listen;
  private volatile String upstream;
  private volatile boolean enabled;
  private Channel server;
  private PortHold portHold;

  TcpProxy(String name, String listen, String upstream, ProxyRuntime runtime) {
    this.name = name;
    this.runtime = runtime;
    Address.parse("listen", listen);
    Address.parse("upstream", upstream);
    this.listen = listen;
    this.upstream = upstream;
  }

  String name() { return name; }
  String listen() { return listen; }
  String upstream() { return upstream; }
  boolean enabled() { return enabled; }
  List<Toxic> toxics() { return toxics; }
  ProxyMetrics metrics() { return metrics; }
  ProxyRuntime runtime() { return runtime; }

  InetSocketAddress upstreamAddress() {
    InetSocketAddress parsed = Address.parse("upstream", upstream);
    return new InetSocketAddress(parsed.getHostString(), parsed.getPort());
  }

  List<Toxic> toxics(StreamDirection direction) {
    List<Toxic> all = toxics;
    if (all.isEmpty()) {
      return all;
    }
    List<Toxic> result = new ArrayList<>(all.size());
    for (Toxic toxic : all) {
      if (toxic.stream() == direction) {
        result.add(toxic);
      }
    }
    return result;
  }

  /** Binds the listening socket; a port in use is a 409 naming the listen field. */
  synchronized void start() {
    if (enabled) {
      return;
    }
    InetSocketAddress wanted = Address.parse("listen", listen);
    releasePort();
    ChannelFuture bound = new ServerBootstrap()
        .group(runtime.group())
        .channel(runtime.transport().serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, Tuning.RECEIVE)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Tuning.WATER_MARK)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new AcceptHandler(TcpProxy.this));
          }
        })
        .bind(new InetSocketAddress(wanted.getHostString(), wanted.getPort()))
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      boolean inUse = cause instanceof BindException
          || String.valueOf(cause.getMessage()).contains("Address already in use");
      int status = inUse ? 409 : 500;
      throw new ApiError(status, "listen " + listen + " for proxy '" + name + "' failed: "
          + cause.getMessage() + "; choose another listen address or port 0 for a free one", cause);
    }
    server = bound.channel();
    listen = Address.format((InetSocketAddress) server.localAddress());
    enabled = true;
    cancelDisabledLease();
  }

  /** Closes the listening socket and every connection, and drops a lease on the disabled state. */
  synchronized void stop() {
    cancelDisabledLease();
    unbind();
    releasePort();
  }

  /** While disabled, keeps the listen port from being taken (see {@link PortHold}). */
  private void holdPort() {
    InetSocketAddress address = Address.parse("listen", listen);
    if (portHold == null && address.getPort() != 0) {
      portHold = PortHold.tryHold(new InetSocketAddress(address.getHostString(), address.getPort()));
    }
  }

  private void releasePort() {
    if (portHold != null) {
      portHold.close();
      portHold = null;
    }
  }

  private void unbind() {
    if (server != null) {
      server.close().awaitUninterruptibly();
      server = null;
    }
    enabled = false;
    closeConnections();
  }

  /**
   * Applies listen, upstream and enabled as upstream does: address changes drop connections. An
   * upstream change alone keeps the listener bound, so clients never see the port closed.
   */
  synchronized void update(String newListen, String newUpstream, boolean newEnabled) {
    Address.parse("listen", newListen);
    Address.parse("upstream", newUpstream);
    boolean listenMoved = !newListen.equals(listen);
    boolean upstreamMoved = !newUpstream.equals(upstream);
    if (enabled && newEnabled && !listenMoved) {
      upstream = newUpstream;
      if (upstreamMoved) {
        closeConnections();
      }
      return;
    }
    if (listenMoved || !newEnabled) {
      String oldListen = listen;
      String oldUpstream = upstream;
      boolean wasEnabled = enabled;
      unbind();
      listen = newListen;
      upstream = newUpstream;
      if (!newEnabled) {
        holdPort();
      }
      if (newEnabled) {
        try {
          start();
        } catch (ApiError e) {
          listen = oldListen;
          upstream = oldUpstream;
          restart(wasEnabled, e);
          throw e;
        }
      }
    } else {
      upstream = newUpstream;
      start();
    }
  }

  /**
   * Points the proxy at a new upstream, dropping live connections, and keeps it as enabled or
   * disabled (with its lease) as it was: a link that is down stays down.
   */
  synchronized void retarget(String newUpstream) {
    update(listen, newUpstream, enabled);
  }

  /**
   * Lets go of the listener and the listen port so a replacement can take them, keeping the
   * disabled lease running; returns whether the proxy was enabled, for {@link #restore(boolean)}.
   */
  synchronized boolean standBy() {
    boolean wasEnabled = enabled;
    unbind();
    releasePort();
    return wasEnabled;
  }

  /** Undoes {@link #standBy()}: restarts the proxy if it was enabled, else holds its port again. */
  synchronized void restore(boolean wasEnabled) {
    if (wasEnabled) {
      start();
    } else if (!enabled) {
      holdPort();
    }
  }

  private void restart(boolean wasEnabled, ApiError failure) {
    if (wasEnabled) {
      try {
        start();
      } catch (ApiError e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** The lease on the disabled state in milliseconds ({@code disabled_ttl}), 0 when none runs. */
  synchronized long disabledTtlMillis() {
    return disabledTtlMillis;
  }

  /**
   * Leases the disabled state: the proxy enables itself after {@code ttlMillis} unless renewed
   * (called again) or cleared (0). Enabling the proxy, by any path, clears the lease.
   */
  synchronized void leaseDisabled(long ttlMillis) {
    cancelDisabledLease();
    if (ttlMillis > 0 && !enabled) {
      long generation = disabledLeaseGeneration;
      disabledTtlMillis = ttlMillis;
      disabledLease = runtime.control().schedule(
          () -> expireDisabled(generation), ttlMillis, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void expireDisabled(long generation) {
    if (generation != disabledLeaseGeneration || enabled) {
      return;
    }
    long ttl = disabledTtlMillis;
    runtime.log().info("Lease of disabled proxy '{}' expired after {} ms; enabling it", name, ttl);
    try {
      start();
    } catch (ApiError e) {
      cancelDisabledLease();
      runtime.log().warn("Proxy '{}' could not be enabled when its {} ms disabled lease expired: {}; "
          + "enable it with POST /proxies/{} {\"enabled\": true} or POST /reset", name, ttl, e.getMessage(), name, e);
    }
  }

  private void cancelDisabledLease() {
    disabledLeaseGeneration++;
    disabledTtlMillis = 0;
    if (disabledLease != null) {
      disabledLease.cancel(false);
      disabledLease = null;
    }
  }

  synchronized Toxic toxic(String toxicName) {
    return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst()
        .orElseThrow(() -> ApiError.toxicNotFound(toxicName, toxics.stream().map(Toxic::name).toList()));
  }

  synchronized void addToxic(Toxic toxic) {
    if (toxics.stream().anyMatch(t -> t.name().equals(toxic.name()))) {
      throw ApiError.toxicExists(toxic.name());
    }
    List<Toxic> next = new ArrayList<>(toxics);
    next.add(toxic);
    setToxics(next);
    lease(toxic);
  }

  synchronized void replaceToxic(Toxic toxic) {
    List<Toxic> next = new ArrayList<>(toxics);
    next.replaceAll(t -> t.name().equals(toxic.name()) ? toxic : t);
    setToxics(next);
    lease(toxic);
  }

  synchronized void removeToxic(String toxicName) {
    toxic(toxicName);
    List<Toxic> next = new ArrayList<>(toxics);
    next.removeIf(t -> t.name().equals(toxicName));
    cancelLease(toxicName);
    setToxics(next);
  }

  synchronized void resetToxics() {
    List.copyOf(leases.keySet()).forEach(this::cancelLease);
    setToxics(List.of());
  }

  private void setToxics(List<Toxic> next) {
    toxics = List.copyOf(next);
    connections.forEach(Connection::toxicsChanged);
  }

  private void lease(Toxic toxic) {
    cancelLease(toxic.name());
    if (toxic.ttlMillis() > 0) {
      leases.put(toxic.name(), runtime.control().schedule(
          () -> expire(toxic), toxic.ttlMillis(), TimeUnit.MILLISECONDS));
    }
  }

  private synchronized void expire(Toxic toxic) {
    if (toxics.contains(toxic)) {
      runtime.log().info("Lease of toxic '{}' on proxy '{}' expired after {} ms; removing it",
          toxic.name(), name, toxic.ttlMillis());
      leases.remove(toxic.name());
      List<Toxic> next = new ArrayList<>(toxics);
      next.remove(toxic);
      setToxics(next);
    }
  }

  private void cancelLease(String toxicName) {
    ScheduledFuture<?> lease = leases.remove(toxicName);
    if (lease != null) {
      lease.cancel(false);
    }
  }

  long nextConnectionSeq() {
    return connectionSeq.getAndIncrement();
  }

  void register(Connection connection) {
    connections.add(connection);
    metrics.connectionsTotal.increment();
    metrics.connectionsActive.incrementAndGet();
    if (!enabled) {
      connection.close();
    }
  }

  void unregister(Connection connection) {
    if (connections.remove(connection)) {
      metrics.connectionsActive.decrementAndGet();
    }
  }

  private void closeConnections() {
    List.copyOf(connections).forEach(Connection::close);
  }
}
