package dev.chaosharness.traffic.synthetics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficRecord;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficStatus;
import dev.chaosharness.core.traffic.TrafficTally;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCheckTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final TrafficPlan plan = TrafficPlan.builder().scenario("place-order").baseUrl(URI.create("http://h"))
      .rate(1).duration(Duration.ofSeconds(2)).build();

  private static TrafficRecord placed(int n, String path) {
    return new TrafficRecord(T0.plusSeconds(n), T0.plusSeconds(n), "place-order", n, "o-" + n, 201,
        Duration.ofMillis(5), RequestOutcome.OK, null, path);
  }

  private static TrafficRecord polled(int n, String status) {
    return new TrafficRecord(T0.plusSeconds(n), T0.plusSeconds(n), "get-order", n, "o-" + n, 200,
        Duration.ofMillis(5), RequestOutcome.OK, status, null);
  }

  private List<String> problems(List<TrafficRecord> records) {
    TrafficTally tally = new TrafficTally(plan);
    records.forEach(tally::add);
    TrafficResult result = tally.result(TrafficStatus.COMPLETED, Path.of("d"), Path.of("d/l"), null, List.of());
    return SyntheticCheck.problems(result, records);
  }

  @Test
  void should_find_no_problem_when_every_order_ends_as_its_inputs_choose() {
    // when / then
    assertThat(problems(List.of(placed(0, "COMPLETED"), polled(0, "COMPLETED"),
        placed(1, "PAYMENT_DECLINED"), polled(1, "PENDING"), polled(1, "FAILED")))).isEmpty();
  }

  @Test
  void should_name_the_order_when_it_ends_otherwise_or_never() {
    // when
    List<String> problems = problems(List.of(placed(0, "COMPLETED"), polled(0, "FAILED"),
        placed(1, "SHIPMENT_FAILED"), polled(1, "PENDING")));
    // then
    assertThat(problems).containsExactly(
        "order o-0 should end COMPLETED but was last seen FAILED",
        "order o-1 should end FAILED but was last seen PENDING");
  }

  @Test
  void should_report_nothing_sent_when_the_log_is_empty() {
    // when / then
    assertThat(problems(List.of())).contains("no request was sent");
  }
}
