package dev.chaosharness.experiments.cli;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.nio.ByteBuffer;
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
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** The workloads of {@code harness bench proxy}: a Netty echo server and blocking-socket clients. */
final class ProxyBenchLoad implements AutoCloseable {

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  private final Channel sink;

  ProxyBenchLoad() {
    sink = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new Sink());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .syncUninterruptibly()
        .channel();
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

  int sinkPort() {
    return ((InetSocketAddress) sink.localAddress()).getPort();
  }

  /**
   * Streams {@code bytes} one way to the sink (an 8-byte length, then the data) and waits for its
   * one-byte receipt; returns bytes per second.
   */
  static double throughput(int port, long bytes) throws IOException {
    try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
      long start = System.nanoTime();
      ByteBuffer header = ByteBuffer.allocate(8).putLong(0, bytes);
      while (header.hasRemaining()) {
        channel.write(header);
      }
      for (long sent = 0; sent < bytes; ) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), bytes - sent));
        sent += channel.write(buffer);
      }
      ByteBuffer receipt = ByteBuffer.allocate(1);
      if (channel.read(receipt) != 1) {
        throw new IOException("the sink closed before acknowledging " + bytes + " bytes");
      }
      return bytes / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** Records {@code count} round trips of {@code size} bytes, after {@code warmup} unrecorded ones. */
  static Histogram pingPong(int port, int size, int warmup, int count) throws IOException {
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    try (Socket socket = connect(port)) {
      roundTrips(socket, size, warmup, null);
      roundTrips(socket, size, count, histogram);
    }
    return histogram;
  }

  /**
   * Records {@code count} round trips on each of two ports in alternating blocks of {@code block},
   * after {@code warmup} unrecorded ones on each, so a change of machine load during the run weighs
   * on both alike; returns the two histograms in port order.
   */
  static Histogram[] interleavedPingPong(int portA, int portB, int size, int warmup, int count, int block)
      throws IOException {
    Histogram a = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    Histogram b = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    try (Socket socketA = connect(portA); Socket socketB = connect(portB)) {
      roundTrips(socketA, size, warmup, null);
      roundTrips(socketB, size, warmup, null);
      for (int done = 0; done < count; done += block) {
        int n = Math.min(block, count - done);
        roundTrips(socketA, size, n, a);
        roundTrips(socketB, size, n, b);
      }
    }
    return new Histogram[] {a, b};
  }

  private static void roundTrips(Socket socket, int size, int count, Histogram histogram) throws IOException {
    byte[] payload = new byte[size];
    byte[] reply = new byte[size];
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    for (int i = 0; i < count; i++) {
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
      if (histogram != null) {
        histogram.recordValue(System.nanoTime() - start);
      }
    }
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
    sink.close().syncUninterruptibly();
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Discards a length-prefixed stream and answers one byte when it has all of it. */
  private static final class Sink extends ChannelInboundHandlerAdapter {

    private final ByteBuf header = Unpooled.buffer(8);
    private long remaining = -1;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf data = (ByteBuf) msg;
      try {
        while (data.isReadable()) {
          if (remaining < 0) {
            header.writeBytes(data, Math.min(header.writableBytes(), data.readableBytes()));
            if (header.writableBytes() == 0) {
              remaining = header.readLong();
              header.clear();
            }
          } else {
            int take = (int) Math.min(remaining, data.readableBytes());
            data.skipBytes(take);
            remaining -= take;
          }
          if (remaining == 0) {
            remaining = -1;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
          }
        }
      } finally {
        data.release();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
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
