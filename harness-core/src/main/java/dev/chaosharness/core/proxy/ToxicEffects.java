package dev.chaosharness.core.proxy;

import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * What each toxic type does to the chunks passing through a pipe. Every method runs on the pipe's
 * event loop; none sleeps, they only set due times, split, drop or ask the pipe to close.
 */
final class ToxicEffects {

  private static final long MILLI = 1_000_000L;

  private ToxicEffects() {}

  static List<Chunk> apply(ToxicState state, List<Chunk> chunks, Pipe pipe, long now) {
    Toxic toxic = state.toxic;
    return switch (toxic.type()) {
      case LATENCY -> latency(toxic, chunks, pipe, now);
      case BANDWIDTH -> bandwidth(state, chunks);
      case SLICER -> slicer(toxic, chunks, pipe);
      case LIMIT_DATA -> limitData(state, chunks, pipe);
      case TIMEOUT -> drop(chunks);
      case RESET_PEER -> resetPeer(state, chunks, pipe);
      case SLOW_CLOSE -> chunks;
    };
  }

  private static List<Chunk> latency(Toxic toxic, List<Chunk> chunks, Pipe pipe, long now) {
    for (Chunk chunk : chunks) {
      long delay = toxic.attribute("latency") * MILLI
          + pipe.random().symmetric(toxic.attribute("jitter") * MILLI);
      chunk.dueNanos = Math.max(chunk.dueNanos, now + Math.max(0, delay));
    }
    return chunks;
  }

  private static List<Chunk> bandwidth(ToxicState state, List<Chunk> chunks) {
    long bytesPerSecond = state.toxic.attribute("rate") * 1000;
    if (bytesPerSecond <= 0) {
      return chunks;
    }
    int piece = (int) Math.max(1, Math.min(1 << 20, bytesPerSecond / 20));
    List<Chunk> out = new ArrayList<>();
    for (Chunk chunk : chunks) {
      for (Chunk part : split(chunk, piece)) {
        long start = Math.max(part.dueNanos, state.nextFreeNanos);
        part.dueNanos = start + part.data.readableBytes() * 1_000_000_000L / bytesPerSecond;
        state.nextFreeNanos = part.dueNanos;
        out.add(part);
      }
    }
    return out;
  }

  private static List<Chunk> slicer(Toxic toxic, List<Chunk> chunks, Pipe pipe) {
    long average = toxic.attribute("average_size");
    if (average <= 0) {
      return chunks;
    }
    long variation = Math.min(toxic.attribute("size_variation"), average - 1);
    long delayNanos = toxic.attribute("delay") * 1000;
    List<Chunk> out = new ArrayList<>();
    for (Chunk chunk : chunks) {
      long due = chunk.dueNanos;
      while (chunk.data.isReadable()) {
        int size = (int) Math.min(chunk.data.readableBytes(), average + pipe.random().symmetric(variation));
        out.add(new Chunk(chunk.data.readRetainedSlice(size), due));
        due += delayNanos;
      }
      chunk.data.release();
    }
    return out;
  }

  private static List<Chunk> limitData(ToxicState state, List<Chunk> chunks, Pipe pipe) {
    long limit = state.toxic.attribute("bytes");
    List<Chunk> out = new ArrayList<>();
    for (Chunk chunk : chunks) {
      long remaining = limit - state.bytesPassed;
      if (remaining <= 0) {
        chunk.data.release();
        continue;
      }
      if (chunk.data.readableBytes() > remaining) {
        chunk.data.writerIndex(chunk.data.readerIndex() + (int) remaining);
      }
      state.bytesPassed += chunk.data.readableBytes();
      out.add(chunk);
    }
    if (state.bytesPassed >= limit) {
      pipe.requestClose(0);
    }
    return out;
  }

  private static List<Chunk> resetPeer(ToxicState state, List<Chunk> chunks, Pipe pipe) {
    if (state.timer == null) {
      state.timer = pipe.schedule(pipe.connection()::resetNow, state.toxic.attribute("timeout") * MILLI);
    }
    return drop(chunks);
  }

  private static List<Chunk> drop(List<Chunk> chunks) {
    chunks.forEach(chunk -> ReferenceCountUtil.release(chunk.data));
    return List.of();
  }

  private static List<Chunk> split(Chunk chunk, int size) {
    if (chunk.data.readableBytes() <= size) {
      return List.of(chunk);
    }
    List<Chunk> parts = new ArrayList<>();
    while (chunk.data.isReadable()) {
      int length = Math.min(size, chunk.data.readableBytes());
      parts.add(new Chunk(chunk.data.readRetainedSlice(length), chunk.dueNanos));
    }
    chunk.data.release();
    return parts;
  }
}
