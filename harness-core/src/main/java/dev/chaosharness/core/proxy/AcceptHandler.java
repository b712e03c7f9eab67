package dev.chaosharness.core.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;

/**
 * Connects each accepted client to the proxy's upstream on the client's own event loop, then
 * hands both channels to a {@link Connection}. A failed upstream connect closes the client.
 */
final class AcceptHandler extends ChannelInboundHandlerAdapter {

  private final TcpProxy proxy;

  AcceptHandler(TcpProxy proxy) {
    this.proxy = proxy;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    Channel client = ctx.channel();
    new Bootstrap()
        .group(client.eventLoop())
        .channel(proxy.runtime().transport().socketChannel())
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.RCVBUF_ALLOCATOR, Tuning.RECEIVE)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Tuning.WATER_MARK)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(new ChannelInboundHandlerAdapter())
        .connect(proxy.upstreamAddress())
        .addListener(future -> {
          Channel server = ((io.netty.channel.ChannelFuture) future).channel();
          if (!future.isSuccess()) {
            proxy.runtime().log().debug("Proxy '{}' could not reach upstream {}",
                proxy.name(), proxy.upstream(), future.cause());
            client.close();
            return;
          }
          ctx.pipeline().remove(this);
          new Connection(proxy, client, server).start();
        });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
