package dev.chaosharness.core.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.ThreadFactory;

/**
 * The Netty transport: native epoll where available (Linux x86_64; its timers have sub-millisecond
 * precision, which keeps latency toxics accurate), Java NIO elsewhere. With a busy-poll window the
 * event loops poll for that long before sleeping (see {@link SpinSelectStrategy}).
 */
record Transport(
    IoHandlerFactory handlers,
    Class<? extends ServerChannel> serverChannel,
    Class<? extends SocketChannel> socketChannel,
    String name) {

  static Transport select(boolean preferNative) {
    return select(preferNative, 0);
  }

  static Transport select(boolean preferNative, long busyPollNanos) {
    SelectStrategyFactory strategy = busyPollNanos > 0
        ? SpinSelectStrategy.factory(busyPollNanos)
        : DefaultSelectStrategyFactory.INSTANCE;
    if (preferNative && Epoll.isAvailable()) {
      return new Transport(EpollIoHandler.newFactory(0, strategy), EpollServerSocketChannel.class, EpollSocketChannel.class, "epoll");
    }
    return new Transport(NioIoHandler.newFactory(SelectorProvider.provider(), strategy),
        NioServerSocketChannel.class, NioSocketChannel.class, "nio");
  }

  EventLoopGroup group(int threads, ThreadFactory factory) {
    return new MultiThreadIoEventLoopGroup(threads, factory, handlers);
  }
}
