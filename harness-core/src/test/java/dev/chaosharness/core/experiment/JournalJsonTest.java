package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalJsonTest {

  private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

  @TempDir Path dir;

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static Journal journal() {
    Timeline timeline = Timeline.of(Duration.ofSeconds(1), List.of(
        new KpiSample(0, at(1), Map.of(Kpis.REQUESTS, 10.0, Kpis.SUCCESSES, 10.0, Kpis.SUCCESS_RATIO, 1.0)),
        new KpiSample(1, at(2), Map.of(Kpis.REQUESTS, 0.0, Kpis.SUCCESSES, 0.0, Kpis.SUCCESS_RATIO, Double.NaN))));
    return new Journal("Payment latency", "slow provider", "payment.yaml", RunStatus.COMPLETED, true, T0, at(30),
        List.of(new PhaseSpan(Phase.WARM_UP, at(0), at(5)), new PhaseSpan(Phase.REPORT, at(29), at(30))),
        Optional.of(new HypothesisResult(at(5), true, List.of(new ProbeResult("ok", "status 200", "200", true)))),
        Optional.of(new HypothesisResult(at(25), false, List.of(new ProbeResult("ok", "status 503", "200", false)))),
        List.of(new ActivityResult("slow", "action", "fault", true, at(6), at(6), "injected latency", Optional.empty())),
        List.of(new ActivityResult("notify", "action", "http", false, at(20), at(21), "status 500",
            Optional.of("HTTP status 500 was not expected (< 400)"))),
        List.of(new FaultWindow("latency on payment->provider", at(6), at(16))), timeline, Optional.empty(),
        Optional.of(new Recovery(at(6), at(16), Optional.of(at(8)), Optional.empty(), Optional.of("ok: x >= 1"),
            Optional.of(at(24)))),
        Optional.of(new Verdict(List.of(new Anomaly("no-loss", "LOST", "o-1", List.of(), "never finished")), 40, 10,
            List.of("no-loss"))),
        List.of(new GoalResult("time-to-recover", "<= 20s", "never recovered", false)), Optional.of("hypothesis"));
  }

  @Test
  void should_write_chaos_toolkit_fields_and_the_harness_section_when_a_journal_is_written() throws Exception {
    // when
    Path file = dir.resolve("out/journal.json");
    JournalJson.write(journal(), file);
    JsonNode json = new ObjectMapper().readTree(file.toFile());

    // then: Chaos Toolkit's shape
    assertThat(json.path("status").asText()).isEqualTo("completed");
    assertThat(json.path("deviated").asBoolean()).isTrue();
    assertThat(json.path("start").asText()).isEqualTo("2026-11-22T03:00:00Z");
    assertThat(json.path("end").asText()).isEqualTo("2026-11-22T03:00:30Z");
    assertThat(json.path("duration").asDouble()).isEqualTo(30.0);
    assertThat(json.path("experiment").path("title").asText()).isEqualTo("Payment latency");
    assertThat(json.at("/steady_states/before/steady_state_met").asBoolean()).isTrue();
    assertThat(json.at("/steady_states/after/steady_state_met").asBoolean()).isFalse();
    assertThat(json.at("/steady_states/after/probes/0/output").asText()).isEqualTo("status 503");
    assertThat(json.at("/run/0/activity/name").asText()).isEqualTo("slow");
    assertThat(json.at("/run/0/activity/provider/type").asText()).isEqualTo("fault");
    assertThat(json.at("/run/0/status").asText()).isEqualTo("succeeded");
    assertThat(json.at("/rollbacks/0/status").asText()).isEqualTo("failed");
    assertThat(json.at("/rollbacks/0/exception/0").asText()).isEqualTo("HTTP status 500 was not expected (< 400)");
    // and the harness's verdicts
    JsonNode harness = json.path("harness");
    assertThat(harness.path("passed").asBoolean()).isFalse();
    assertThat(harness.at("/phases/0/phase").asText()).isEqualTo("warm-up");
    assertThat(harness.at("/phases/0/duration").asDouble()).isEqualTo(5.0);
    assertThat(harness.at("/faults/0/revertedAt").asText()).isEqualTo("2026-11-22T03:00:16Z");
    assertThat(harness.at("/timeline/samples/1/values/requests.success_ratio").isNull()).isTrue();
    assertThat(harness.at("/recovery/timeToDetect").asDouble()).isEqualTo(2.0);
    assertThat(harness.at("/recovery/recoveredAt").isNull()).isTrue();
    assertThat(harness.at("/invariants/holds").asBoolean()).isFalse();
    assertThat(harness.at("/invariants/anomalies/0/kind").asText()).isEqualTo("LOST");
    assertThat(harness.at("/goals/0/measured").asText()).isEqualTo("never recovered");
    assertThat(harness.path("traffic").isNull()).isTrue();
    assertThat(harness.path("abortReason").asText()).isEqualTo("hypothesis");
  }
}
