package dev.chaosharness.core.proxy;

import io.netty.util.concurrent.ScheduledFuture;

/** What one toxic remembers about one pipe: whether it rolled active, and its running state. */
final class ToxicState {

  final Toxic toxic;
  final boolean active;
  long nextFreeNanos;
  long bytesPassed;
  ScheduledFuture<?> timer;

  ToxicState(Toxic toxic, boolean active) {
    this.toxic = toxic;
    this.active = active;
  }

  void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
