package dev.chaosharness.core.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.buffer.ByteBuf;

/**
 * One client connection through a proxy: the client channel, the upstream channel and a
 * {@link Pipe} for each direction. Both channels share one event loop, so the pipes need no locks.
 */
final class Connection {

  private final TcpProxy proxy;
  private final Channel client;
  private final Channel server;
  private final Pipe upstream;
  private final Pipe downstream;
  private boolean closed;

  Connection(TcpProxy proxy, Channel client, Channel server) {
    this.proxy = proxy;
    this.client = client;
    this.server = server;
    long seq = proxy.nextConnectionSeq();
    this.upstream = new Pipe(this, StreamDirection.UPSTREAM, client, server, seq);
    this.downstream = new Pipe(this, StreamDirection.DOWNSTREAM, server, client, seq);
  }

  TcpProxy proxy() {
    return proxy;
  }

  void start() {
    client.pipeline().addLast(new Relay(upstream, downstream));
    server.pipeline().addLast(new Relay(downstream, upstream));
    proxy.register(this);
    client.closeFuture().addListener(f -> proxy.unregister(this));
    upstream.toxicsChanged();
    downstream.toxicsChanged();
    client.read();
    server.read();
  }

  /** Re-reads the proxy's toxics on the event loop; safe from any thread. */
  void toxicsChanged() {
    client.eventLoop().execute(() -> {
      upstream.toxicsChanged();
      downstream.toxicsChanged();
    });
  }

  /** Closes both channels, dropping queued data; safe from any thread, idempotent. */
  void close() {
    client.eventLoop().execute(this::closeNow);
  }

  void closeNow() {
    if (closed) {
      return;
    }
    closed = true;
    upstream.discard();
    downstream.discard();
    client.close();
    server.close();
  }

  /** Closes both sides with a TCP RST (SO_LINGER 0), as a crashed peer would. */
  void resetNow() {
    client.config().setOption(ChannelOption.SO_LINGER, 0);
    server.config().setOption(ChannelOption.SO_LINGER, 0);
    closeNow();
  }

  /** Routes one channel's events to the pipe it feeds and the pipe it drains. */
  private static final class Relay extends ChannelInboundHandlerAdapter {

    private final Pipe out;
    private final Pipe in;

    Relay(Pipe out, Pipe in) {
      this.out = out;
      this.in = in;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      out.onRead((ByteBuf) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      out.onReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        in.resume();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      out.onSourceClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      out.connection().proxy().runtime().log().debug("Connection on proxy '{}' failed",
          out.connection().proxy().name(), cause);
      out.connection().closeNow();
    }
  }
}
