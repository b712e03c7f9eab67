package dev.chaosharness.core.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import dev.chaosharness.core.traffic.TrafficResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a {@link Journal} as Chaos Toolkit-shaped JSON: {@code status}, {@code deviated},
 * {@code start}, {@code end}, {@code duration} (seconds), {@code steady_states.before/after},
 * {@code run[]} and {@code rollbacks[]} as Chaos Toolkit writes them, plus a {@code harness}
 * object with the phases, fault windows, KPI timeline, recovery, invariant verdict, goals,
 * traffic result and abort reason. NaN values are written as {@code null}.
 *
 * <pre>{@code
 * JournalJson.write(journal, outputDirectory.resolve("journal.json"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class JournalJson {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JournalJson() {}

  /** Writes the journal to {@code file}, creating parent folders. */
  public static void write(Journal journal, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, toJson(journal));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the journal to " + file, e);
    }
  }

  /** Renders the journal as JSON text. */
  public static String toJson(Journal journal) {
    try {
      return JSON.writeValueAsString(toTree(journal));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the journal of " + journal.title(), e);
    }
  }

  /** Renders the journal as a JSON tree. */
  public static ObjectNode toTree(Journal j) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode experiment = root.putObject("experiment");
    experiment.put("title", j.title());
    experiment.put("description", j.description());
    root.put("status", j.status().jsonName());
    root.put("deviated", j.deviated());
    root.put("start", j.start().toString());
    root.put("end", j.end().toString());
    root.put("duration", seconds(j.duration()));
    ObjectNode steady = root.putObject("steady_states");
    steady.set("before", j.steadyStateBefore().map(JournalJson::hypothesis).orElse(null));
    steady.set("after", j.steadyStateAfter().map(JournalJson::hypothesis).orElse(null));
    steady.putArray("during");
    activities(root.putArray("run"), j.run());
    activities(root.putArray("rollbacks"), j.rollbacks());
    root.set("harness", harness(j));
    return root;
  }

  private static ObjectNode hypothesis(HypothesisResult h) {
    ObjectNode node = JSON.createObjectNode();
    node.put("steady_state_met", h.met());
    node.put("at", h.at().toString());
    ArrayNode probes = node.putArray("probes");
    for (ProbeResult p : h.probes()) {
      ObjectNode probe = probes.addObject();
      probe.putObject("activity").put("type", "probe").put("name", p.name());
      probe.put("output", p.value());
      probe.put("tolerance", p.tolerance());
      probe.put("tolerance_met", p.tolerated());
      probe.put("status", p.tolerated() ? "succeeded" : "failed");
    }
    return node;
  }

  private static void activities(ArrayNode array, List<ActivityResult> results) {
    for (ActivityResult r : results) {
      ObjectNode node = array.addObject();
      node.putObject("activity").put("type", r.type()).put("name", r.name()).putObject("provider").put("type", r.provider());
      node.put("status", r.succeeded() ? "succeeded" : "failed");
      node.put("start", r.start().toString());
      node.put("end", r.end().toString());
      node.put("duration", seconds(Duration.between(r.start(), r.end())));
      node.put("output", r.output());
      r.error().ifPresent(e -> node.putArray("exception").add(e));
    }
  }

  private static ObjectNode harness(Journal j) {
    ObjectNode h = JSON.createObjectNode();
    h.put("source", j.source());
    h.put("passed", j.passed());
    ArrayNode phases = h.putArray("phases");
    j.phases().forEach(p -> phases.addObject().put("phase", p.phase().jsonName()).put("start", p.start().toString())
        .put("end", p.end().toString()).put("duration", seconds(p.duration())));
    ArrayNode faults = h.putArray("faults");
    j.faults().forEach(f -> faults.addObject().put("fault", f.fault()).put("injectedAt", f.injectedAt().toString())
        .put("revertedAt", f.revertedAt().toString()));
    h.set("timeline", timeline(j.timeline()));
    h.set("recovery", j.recovery().map(JournalJson::recovery).orElse(null));
    h.set("invariants", j.invariants().map(JournalJson::verdict).orElse(null));
    ArrayNode goals = h.putArray("goals");
    j.goals().forEach(g -> goals.addObject().put("name", g.name()).put("target", g.target()).put("measured", g.measured())
        .put("met", g.met()));
    h.set("traffic", j.traffic().map(TrafficResultJson::toTree).orElse(null));
    h.put("abortReason", j.abortReason().orElse(null));
    return h;
  }

  private static ObjectNode timeline(Timeline timeline) {
    ObjectNode node = JSON.createObjectNode();
    node.put("interval", seconds(timeline.interval()));
    ArrayNode samples = node.putArray("samples");
    for (KpiSample s : timeline.samples()) {
      ObjectNode sample = samples.addObject().put("index", s.index()).put("at", s.at().toString());
      ObjectNode values = sample.putObject("values");
      new TreeMap<>(s.values()).forEach((k, v) -> {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          values.putNull(k);
        } else {
          values.put(k, v);
        }
      });
    }
    return node;
  }

  private static ObjectNode recovery(Recovery r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("injectedAt", r.injectedAt().toString());
    node.put("revertedAt", r.revertedAt().toString());
    node.put("detectedAt", text(r.detectedAt()));
    node.put("recoveredAt", text(r.recoveredAt()));
    node.put("timeToDetect", r.timeToDetect().map(JournalJson::seconds).orElse(null));
    node.put("timeToRecover", r.timeToRecover().map(JournalJson::seconds).orElse(null));
    node.put("impactDuration", seconds(r.impactDuration()));
    node.put("failingProbe", r.failingProbe().orElse(null));
    node.put("lastFailure", text(r.lastFailure()));
    return node;
  }

  private static ObjectNode verdict(Verdict v) {
    ObjectNode node = JSON.createObjectNode();
    node.put("holds", v.holds());
    node.put("events", v.events());
    node.put("sagas", v.sagas());
    node.put("inFlightAtStart", v.inFlightAtStart());
    ArrayNode checkers = node.putArray("checkers");
    v.checkers().forEach(checkers::add);
    ArrayNode anomalies = node.putArray("anomalies");
    for (Anomaly a : v.anomalies()) {
      ObjectNode anomaly = anomalies.addObject().put("checker", a.checker()).put("kind", a.kind()).put("key", a.key())
          .put("explanation", a.explanation());
      ArrayNode evidence = anomaly.putArray("evidence");
      a.evidence().forEach(e -> evidence.add(e.toString()));
    }
    return node;
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }

  private static Double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
