package dev.chaosharness.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a connection: reads from a source channel, passes the data through the
 * proxy's toxics for that direction, and writes it to the target channel in order.
 *
 * <p>Delayed data waits in a FIFO queue drained by event-loop timers (never a sleeping thread), so
 * byte order is kept whatever the delays. Backpressure: the source is read only while the queue
 * is below {@link #HIGH_WATER} bytes and the target is writable. Event-loop confined.
 */
final class Pipe {

  static final long HIGH_WATER = 4L << 20;

  private final Connection connection;
  private final StreamDirection direction;
  private final Channel source;
  private final Channel target;
  private final LinkRandom random;
  private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
  private final Map<String, ToxicState> states = new HashMap<>();
  private List<ToxicState> active = List.of();
  private long queuedBytes;
  private ScheduledFuture<?> drainTimer;
  private boolean unflushed;
  private boolean closing;
  private long closeAtNanos;

  Pipe(Connection connection, StreamDirection direction, Channel source, Channel target, long seq) {
    this.connection = connection;
    this.direction = direction;
    this.source = source;
    this.target = target;
    TcpProxy proxy = connection.proxy();
    this.random = new LinkRandom(proxy.runtime().seed(), proxy.name(), seq, direction);
  }

  Connection connection() {
    return connection;
  }

  LinkRandom random() {
    return random;
  }

  void onRead(ByteBuf data) {
    connection.proxy().metrics().addBytes(direction, data.readableBytes());
    if (closing) {
      data.release();
      return;
    }
    if (active.isEmpty() && queue.isEmpty()) {
      target.write(data, target.voidPromise());
      unflushed = true;
      return;
    }
    long now = System.nanoTime();
    List<Chunk> chunks = new ArrayList<>(2);
    chunks.add(new Chunk(data, now));
    for (ToxicState state : active) {
      chunks = ToxicEffects.apply(state, chunks, this, now);
      if (chunks.isEmpty()) {
        break;
      }
    }
    for (Chunk chunk : chunks) {
      queue.add(chunk);
      queuedBytes += chunk.data.readableBytes();
    }
    drain();
  }

  void onReadComplete() {
    flush();
    resume();
  }

  /** Reads more from the source if the queue has room and the target can take data. */
  void resume() {
    if (!closing && queuedBytes < HIGH_WATER && target.isWritable() && source.isActive()) {
      source.read();
    }
  }

  void onSourceClosed() {
    long delay = 0;
    for (ToxicState state : active) {
      if (state.toxic.type() == ToxicType.SLOW_CLOSE) {
        delay = Math.max(delay, state.toxic.attribute("delay") * 1_000_000L);
      }
    }
    closeAfterDrain(delay);
  }

  /** Closes the target once the queued data is written and {@code delayNanos} have passed. */
  void closeAfterDrain(long delayNanos) {
    requestClose(delayNanos);
    drain();
  }

  /** Marks the pipe to close once drained, without draining now (for toxics mid-chunk). */
  void requestClose(long delayNanos) {
    if (!closing) {
      closing = true;
      closeAtNanos = System.nanoTime() + delayNanos;
    }
  }

  private void drain() {
    long now = System.nanoTime();
    while (!queue.isEmpty()) {
      Chunk head = queue.peek();
      if (head.dueNanos > now) {
        armDrain(head.dueNanos - now);
        break;
      }
      queue.poll();
      queuedBytes -= head.data.readableBytes();
      target.write(head.data, target.voidPromise());
      unflushed = true;
    }
    flush();
    if (queue.isEmpty() && closing) {
      if (now >= closeAtNanos) {
        target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      } else {
        armDrain(closeAtNanos - now);
      }
    }
    resume();
  }

  private void armDrain(long delayNanos) {
    if (drainTimer == null || drainTimer.isDone()) {
      drainTimer = schedule(() -> {
        drainTimer = null;
        drain();
      }, delayNanos);
    }
  }

  ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return source.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void flush() {
    if (unflushed) {
      unflushed = false;
      target.flush();
    }
  }

  /** Re-reads the toxics: rolls toxicity for new ones, arms timeouts, honours removed timeouts. */
  void toxicsChanged() {
    List<Toxic> toxics = connection.proxy().toxics(direction);
    Map<String, ToxicState> next = new HashMap<>();
    List<ToxicState> nextActive = new ArrayList<>();
    for (Toxic toxic : toxics) {
      ToxicState state = states.get(toxic.name());
      if (state == null || !state.toxic.equals(toxic)) {
        if (state != null) {
          state.cancelTimer();
        }
        state = new ToxicState(toxic, toxic.toxicity() > random.roll(toxic.name()));
        engage(state);
      }
      next.put(toxic.name(), state);
      if (state.active) {
        nextActive.add(state);
      }
    }
    for (ToxicState old : states.values()) {
      if (!next.containsKey(old.toxic.name()) || next.get(old.toxic.name()) != old) {
        old.cancelTimer();
        if (old.active && old.toxic.type() == ToxicType.TIMEOUT && !next.containsKey(old.toxic.name())) {
          connection.closeNow();
        }
      }
    }
    states.clear();
    states.putAll(next);
    active = List.copyOf(nextActive);
    if (!closing) {
      drain();
    }
  }

  private void engage(ToxicState state) {
    if (state.active && state.toxic.type() == ToxicType.TIMEOUT && state.toxic.attribute("timeout") > 0) {
      state.timer = schedule(connection::closeNow, state.toxic.attribute("timeout") * 1_000_000L);
    }
  }

  /** Releases queued data and timers when the connection closes. */
  void discard() {
    closing = true;
    queue.forEach(chunk -> chunk.data.release());
    queue.clear();
    queuedBytes = 0;
    states.values().forEach(ToxicState::cancelTimer);
    if (drainTimer != null) {
      drainTimer.cancel(false);
    }
  }
}
