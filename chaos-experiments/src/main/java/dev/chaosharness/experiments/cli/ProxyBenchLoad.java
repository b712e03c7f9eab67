package dev.chaosharness.experiments.cli;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** The workloads of {@code harness bench proxy}: a Netty echo server and blocking-socket clients. */
final class ProxyBenchLoad implements AutoCloseable {

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;

  ProxyBenchLoad() {
    server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 2048)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new Echo())
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .syncUninterruptibly()
        .channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Streams {@code bytes} through an echo connection; returns bytes per second of the round trip. */
  static double throughput(int port, long bytes) throws Exception {
    try (Socket socket = connect(port)) {
      socket.setSendBufferSize(1 << 20);
      socket.setReceiveBufferSize(1 << 20);
      long start = System.nanoTime();
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(socket, bytes));
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[256 * 1024];
      long read = 0;
      while (read < bytes) {
        int n = in.read(buffer);
        if (n < 0) {
          throw new IOException("echo closed after " + read + " of " + bytes + " bytes");
        }
        read += n;
      }
      writer.get(10, TimeUnit.SECONDS);
      return bytes / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static void write(Socket socket, long bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[256 * 1024];
      for (long sent = 0; sent < bytes; sent += buffer.length) {
        out.write(buffer, 0, (int) Math.min(buffer.length, bytes - sent));
      }
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException("writing the throughput stream failed", e);
    }
  }

  /** Records {@code count} round trips of {@code size} bytes, after {@code warmup} unrecorded ones. */
  static Histogram pingPong(int port, int size, int warmup, int count) throws IOException {
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    try (Socket socket = connect(port)) {
      byte[] payload = new byte[size];
      byte[] reply = new byte[size];
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < warmup + count; i++) {
        long start = System.nanoTime();
        out.write(payload);
        out.flush();
        for (int read = 0; read < size; ) {
          int n = in.read(reply, read, size - read);
          if (n < 0) {
            throw new IOException("echo closed during round trip " + i);
          }
          read += n;
        }
        if (i >= warmup) {
          histogram.recordValue(System.nanoTime() - start);
        }
      }
    }
    return histogram;
  }

  static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    return socket;
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Echoes every byte, pausing reads while the peer is slow. */
  @Sharable
  private static final class Echo extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
      if (!ctx.channel().isWritable()) {
        ctx.channel().config().setAutoRead(false);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        ctx.channel().config().setAutoRead(true);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
