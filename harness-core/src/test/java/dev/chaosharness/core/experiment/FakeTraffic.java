package dev.chaosharness.core.experiment;

import dev.chaosharness.core.traffic.LatencySummary;
import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.Traffic;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficProgress;
import dev.chaosharness.core.traffic.TrafficRecord;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficRun;
import dev.chaosharness.core.traffic.TrafficStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Traffic that answers from a switch: healthy requests succeed, unhealthy ones fail with 503. */
final class FakeTraffic implements Traffic {

  volatile boolean healthy = true;
  volatile boolean stopped;
  private final Clock clock;

  FakeTraffic(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Set<String> scenarios() {
    return Set.of("place-order");
  }

  @Override
  public TrafficRun start(TrafficPlan plan, TrafficListener listener) {
    AtomicLong sent = new AtomicLong();
    Thread thread = new Thread(() -> {
      long pauseNanos = (long) (1e9 / plan.rate());
      while (!stopped) {
        boolean ok = healthy;
        long user = sent.getAndIncrement();
        listener.onResponse(new TrafficRecord(clock.instant(), clock.instant(), "place-order", user, "o-" + user,
            ok ? 201 : 503, Duration.ofMillis(2), ok ? RequestOutcome.OK : RequestOutcome.SERVER_ERROR, null, null));
        try {
          Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "fake-traffic");
    thread.setDaemon(true);
    thread.start();
    return new TrafficRun() {
      @Override
      public Path directory() {
        return plan.outputDirectory();
      }

      @Override
      public Path trafficLog() {
        return plan.outputDirectory().resolve("traffic.jsonl");
      }

      @Override
      public TrafficProgress progress() {
        return new TrafficProgress(Duration.ZERO, sent.get(), sent.get(), 0);
      }

      @Override
      public boolean isDone() {
        return stopped;
      }

      @Override
      public TrafficResult await(Duration timeout) {
        return stop();
      }

      @Override
      public TrafficResult stop() {
        stopped = true;
        thread.interrupt();
        return new TrafficResult(plan, TrafficStatus.STOPPED, plan.outputDirectory(), trafficLog(), null, sent.get(),
            Map.of(RequestOutcome.OK, sent.get()), Map.of(), plan.rate(), plan.rate(), LatencySummary.empty(),
            Duration.ZERO, List.of());
      }

      @Override
      public void close() {
        stop();
      }
    };
  }
}
