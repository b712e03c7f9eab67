package dev.chaosharness.core.proxy;

import io.netty.buffer.ByteBuf;

/** A piece of data in a pipe with the time (System.nanoTime) it may be written out. */
final class Chunk {

  final ByteBuf data;
  long dueNanos;

  Chunk(ByteBuf data, long dueNanos) {
    this.data = data;
    this.dueNanos = dueNanos;
  }
}
