package dev.chaosharness.core.experiment;

import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.HistoryObserver;
import dev.chaosharness.core.history.HistoryWriter;
import dev.chaosharness.core.history.ObserverConfig;
import dev.chaosharness.core.kpi.KpiRecorder;
import dev.chaosharness.core.kpi.MetricSource;
import dev.chaosharness.core.kpi.PrometheusSource;
import dev.chaosharness.core.kpi.Timeline;
import dev.chaosharness.core.kpi.TimelineConfig;
import dev.chaosharness.core.kpi.TimelineSampler;
import dev.chaosharness.core.target.TargetDescription;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficRun;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run starts in its warm-up phase: the KPI timeline, the traffic feeding it, the history
 * observer on the saga topics, and the sample watcher. {@link #close()} stops whatever still
 * runs, without draining; idempotent. Used by the running thread.
 */
final class Capture implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Capture.class);

  private TimelineSampler sampler;
  private TrafficRun traffic;
  private HistoryObserver observer;
  private SagaDrain drain;
  private SampleWatcher watcher;

  /** Starts the observer first (so no saga of the traffic is missed), then the timeline and traffic. */
  static Capture start(Experiment e, RunSettings s, RunControl control, Supplier<List<String>> activeFaults,
      BooleanSupplier armed) {
    Capture capture = new Capture();
    try {
      TargetDescription target = s.environment().target();
      if (e.invariants().isPresent()) {
        List<String> topics = target.kafka().topics().stream().filter(t -> !t.endsWith(".faults")).toList();
        ObserverConfig config = ObserverConfig.builder(target.kafka().bootstrapServers(), topics)
            .groupId("harness-experiment-" + s.clock().millis()).start(ObserverConfig.StartPosition.LATEST)
            .drainTimeout(e.drainTimeout()).build();
        capture.observer = HistoryObserver.start(config, s.clock(),
            HistoryWriter.create(s.outputDirectory().resolve("history.jsonl")));
        capture.drain = new SagaDrain(InvariantCheck.spec(e.invariants().get()), target.kafka().bootstrapServers(), topics);
      }
      if (e.traffic().isPresent()) {
        TrafficSpec spec = e.traffic().get();
        capture.sampler = TimelineSampler.start(TimelineConfig.builder().interval(e.sampleInterval())
            .grace(grace(e.sampleInterval())).build(), s.clock(), sources(e, target));
        KpiRecorder recorder = capture.sampler.recorder();
        capture.watcher = new SampleWatcher(capture.sampler.timeline(), e.abort(), s.listener(), activeFaults, armed,
            control).start();
        TrafficPlan plan = TrafficPlan.builder().scenario(spec.scenario())
            .baseUrl(URI.create(target.service(spec.service()).baseUrl()))
            .rate(spec.rate()).duration(trafficDuration(e)).profile(spec.profile()).seed(spec.seed())
            .outputDirectory(s.outputDirectory().resolve("traffic")).htmlReport(false).build();
        capture.traffic = s.traffic().orElseThrow().start(plan,
            r -> recorder.record(r.intended(), r.latency(), r.success()));
      }
      return capture;
    } catch (RuntimeException failure) {
      capture.close();
      throw failure;
    }
  }

  private static Duration grace(Duration interval) {
    Duration grace = Duration.ofMillis(100);
    return grace.compareTo(interval) > 0 ? interval : grace;
  }

  /** Long enough for every phase; the drain phase stops it earlier. */
  static Duration trafficDuration(Experiment e) {
    Duration method = Duration.ZERO;
    for (Activity a : e.method()) {
      method = method.plus(a.pauseBefore()).plus(a.pauseAfter());
      if (a.provider() instanceof PauseProvider p) {
        method = method.plus(p.duration());
      }
    }
    return e.traffic().orElseThrow().warmUp().plus(Duration.ofSeconds(120)).plus(method).plus(e.observe())
        .plus(e.recoverWait()).plus(Duration.ofSeconds(60));
  }

  /** Prometheus sources for the services named in {@code <service>:<metric>} KPIs of probes and abort conditions. */
  private static List<MetricSource> sources(Experiment e, TargetDescription target) {
    Set<String> metrics = new LinkedHashSet<>();
    e.abort().forEach(a -> metrics.add(a.metric()));
    Planner.all(e).stream().filter(a -> a.provider() instanceof KpiProvider)
        .forEach(a -> metrics.add(((KpiProvider) a.provider()).metric()));
    List<MetricSource> sources = new ArrayList<>();
    Set<String> services = new LinkedHashSet<>();
    for (String metric : metrics) {
      int colon = metric.indexOf(':');
      if (colon > 0) {
        services.add(metric.substring(0, colon));
      }
    }
    for (String service : services) {
      target.services().stream().filter(svc -> svc.name().equals(service) && svc.metricsUrl() != null).findFirst()
          .ifPresent(svc -> sources.add(PrometheusSource.of(service, URI.create(svc.metricsUrl()))));
    }
    return sources;
  }

  /** The growing timeline, or empty without traffic. */
  Optional<Timeline> timeline() {
    return Optional.ofNullable(sampler).map(TimelineSampler::timeline);
  }

  /** When the timeline's first interval started. */
  Optional<Instant> origin(Duration interval) {
    return timeline().flatMap(t -> t.samples().stream().findFirst().map(s -> s.at().minus(interval)));
  }

  /** Stops the traffic and the timeline; returns the traffic's result, if there was traffic. */
  Optional<TrafficResult> stopTraffic() {
    Optional<TrafficResult> result = Optional.empty();
    if (traffic != null) {
      result = Optional.of(traffic.stop());
      traffic.close();
      traffic = null;
    }
    if (sampler != null) {
      sampler.close();
    }
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    return result;
  }

  /**
   * Waits until the observer has recorded nothing new for {@code quiet} and the system has
   * settled ({@link SagaDrain}: no saga open, or none of its events waiting in a consumer), at
   * most {@code timeout}, then returns the history drained to the end offsets.
   */
  Optional<EventHistory> drainHistory(Duration quiet, Duration timeout) throws InterruptedException {
    if (observer == null) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long now = observer.recorded();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
        if (drain.settled(observer)) {
          break;
        }
        RunControl.sleep(Duration.ofSeconds(1)); // the consumers are behind: ask the broker again in a second
        continue;
      }
      RunControl.sleep(Duration.ofMillis(200));
    }
    EventHistory history = observer.stop();
    closeObserver();
    return Optional.of(history);
  }

  @Override
  public void close() {
    try {
      stopTraffic();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the experiment's traffic failed", e);
    }
    closeObserver();
  }

  private void closeObserver() {
    if (observer != null) {
      try {
        observer.close();
      } catch (RuntimeException e) {
        LOG.warn("Stopping the history observer failed", e);
      }
      observer = null;
    }
    if (drain != null) {
      drain.close();
      drain = null;
    }
  }
}
