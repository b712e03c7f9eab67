package dev.chaosharness.core.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The Netty transport: native epoll where available (Linux x86_64; its timers have sub-millisecond
 * precision, which keeps latency toxics accurate), Java NIO elsewhere.
 */
record Transport(
    IoHandlerFactory handlers,
    Class<? extends ServerChannel> serverChannel,
    Class<? extends SocketChannel> socketChannel,
    String name) {

  static Transport select(boolean preferNative) {
    if (preferNative && Epoll.isAvailable()) {
      return new Transport(EpollIoHandler.newFactory(), EpollServerSocketChannel.class, EpollSocketChannel.class, "epoll");
    }
    return new Transport(NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class, "nio");
  }

  EventLoopGroup group(int threads, ThreadFactory factory) {
    return new MultiThreadIoEventLoopGroup(threads, factory, handlers);
  }
}
