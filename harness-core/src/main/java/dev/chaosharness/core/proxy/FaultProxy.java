package dev.chaosharness.core.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Toxiproxy-compatible fault proxy: the HTTP API plus every proxy created through it.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(FaultProxyConfig.builder().seed(42).build())) {
 *   ToxiproxyClient client = new ToxiproxyClient(proxy.apiAddress().getHostString(),
 *       proxy.apiAddress().getPort());
 *   Proxy db = client.createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");
 *   db.toxics().latency("slow-db", ToxicDirection.DOWNSTREAM, 200);
 * }
 * }</pre>
 *
 * <p>Thread-safe. API requests apply one at a time; data flows on Netty event loops. {@link
 * #close()} closes the API, every proxy and every connection, and is idempotent.
 */
public final class FaultProxy implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);

  private final EventLoopGroup dataGroup;
  private final EventLoopGroup controlGroup;
  private final ProxyRegistry registry;
  private final Channel api;
  private final long seed;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FaultProxy(FaultProxyConfig config) {
    this.seed = config.seed().orElseGet(() -> new SecureRandom().nextLong());
    Transport transport = Transport.select(config.nativeTransport(), config.busyPollMicros() * 1000);
    this.dataGroup = transport.group(config.ioThreads(), new DefaultThreadFactory("fault-proxy-io", true));
    this.controlGroup = new MultiThreadIoEventLoopGroup(
        1, new DefaultThreadFactory("fault-proxy-api", true), NioIoHandler.newFactory());
    ProxyRuntime runtime = new ProxyRuntime(dataGroup, transport, controlGroup.next(), seed, LOG);
    this.registry = new ProxyRegistry(runtime, config.host());
    ApiHandler handler = new ApiHandler(registry, runtime);
    ChannelFuture bound = new ServerBootstrap()
        .group(controlGroup)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), handler);
          }
        })
        .bind(new InetSocketAddress(config.host(), config.port()))
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutdownGroups();
      throw new IllegalStateException("Fault proxy API could not listen on " + config.host() + ":"
          + config.port() + ": " + bound.cause().getMessage() + "; choose another --port (0 picks a free one)",
          bound.cause());
    }
    this.api = bound.channel();
    LOG.info("Fault proxy API listening on {} (seed {}, {} transport)", apiUrl(), seed, transport.name());
  }

  /** Starts a fault proxy; the API is listening when this returns. */
  public static FaultProxy start(FaultProxyConfig config) {
    return new FaultProxy(config);
  }

  /** Returns the address of the HTTP API (host and the port actually bound). */
  public InetSocketAddress apiAddress() {
    return (InetSocketAddress) api.localAddress();
  }

  /** Returns the base URL of the HTTP API, for example {@code http://127.0.0.1:8474}. */
  public URI apiUrl() {
    return URI.create("http://" + Address.format(apiAddress()));
  }

  /** Returns the seed in use (the configured one, or the random one drawn at start). */
  public long seed() {
    return seed;
  }

  ProxyRegistry registry() {
    return registry;
  }

  /** Stops the API, every proxy and every connection; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    api.close().awaitUninterruptibly();
    controlGroup.submit(registry::closeAll).awaitUninterruptibly();
    shutdownGroups();
    LOG.info("Fault proxy stopped");
  }

  private void shutdownGroups() {
    controlGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    dataGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
