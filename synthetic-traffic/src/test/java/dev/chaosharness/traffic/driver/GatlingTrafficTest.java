package dev.chaosharness.traffic.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chaosharness.core.traffic.LoadProfile;
import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.TrafficException;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficLog;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficRecord;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficRun;
import dev.chaosharness.core.traffic.TrafficStatus;
import dev.chaosharness.traffic.data.SagaPath;
import dev.chaosharness.traffic.data.SyntheticOrderGenerator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingTrafficTest {

  private final GatlingTraffic traffic = new GatlingTraffic();
  private FakeOrderApi api;
  @TempDir Path output;

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeOrderApi(2);
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private TrafficPlan.Builder plan(String scenario, double rate, int seconds) {
    return TrafficPlan.builder().scenario(scenario).baseUrl(api.baseUrl()).rate(rate)
        .duration(Duration.ofSeconds(seconds)).seed(7).pollInterval(Duration.ofMillis(50))
        .outputDirectory(output).htmlReport(false);
  }

  @Test
  void should_place_seeded_marked_orders_poll_them_to_an_end_and_log_each_request_when_place_order_runs() {
    // given
    TrafficPlan plan = plan("place-order", 20, 3).htmlReport(true).build();
    List<TrafficRecord> heard = new CopyOnWriteArrayList<>();
    // when
    TrafficResult result;
    try (TrafficRun run = traffic.start(plan, heard::add)) {
      result = run.await(Duration.ofMinutes(2));
    }
    // then: counts and rate, within generous bounds
    assertThat(result.status()).isEqualTo(TrafficStatus.COMPLETED);
    assertThat(result.arrivals()).isBetween(57L, 63L);
    assertThat(result.achievedRate()).isCloseTo(20.0, within(4.0));
    assertThat(result.requestsByOutcome()).containsOnlyKeys(RequestOutcome.OK);
    assertThat(result.report()).isRegularFile();
    // then: every request was marked, and the orders are the seed's, in order
    assertThat(api.seen()).hasSize((int) result.requests())
        .allSatisfy(seen -> assertThat(seen.synthetic()).isEqualTo("true"));
    SyntheticOrderGenerator generator = new SyntheticOrderGenerator(7);
    assertThat(api.seen().stream().filter(s -> s.method().equals("POST")).map(FakeOrderApi.Seen::idempotencyKey))
        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, result.arrivals())
            .mapToObj(n -> generator.order(n).idempotencyKey()).toList());
    // then: one log line per request with its fields, heard live by the listener too
    List<TrafficRecord> log = TrafficLog.read(result.trafficLog());
    assertThat(log).hasSize((int) result.requests()).containsExactlyElementsOf(heard);
    assertThat(log).filteredOn(r -> r.request().equals("place-order")).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.orderId()).isNotBlank();
      assertThat(r.sent()).isAfterOrEqualTo(r.intended());
      assertThat(r.expectedPath()).isEqualTo(generator.pathOf(r.user()).name());
    });
    assertThat(log).filteredOn(r -> r.request().equals("get-order")).allSatisfy(r ->
        assertThat(r.orderStatus()).isIn("PENDING", "COMPLETED", "FAILED"));
    // then: the path mix ends as the seed planned it
    Map<SagaPath, Long> planned = generator.plan(result.arrivals());
    assertThat(result.ordersByStatus()).containsEntry("COMPLETED", planned.get(SagaPath.COMPLETED))
        .containsEntry("FAILED", result.arrivals() - planned.get(SagaPath.COMPLETED));
  }

  @Test
  void should_back_off_between_polls_up_to_eight_poll_intervals_when_an_order_stays_pending() throws Exception {
    // given: orders that never end, polled from 50 ms for 2 s (without back-off that is about 40 polls each)
    api.close();
    api = new FakeOrderApi(Integer.MAX_VALUE);
    TrafficPlan plan = plan("place-order", 2, 1).pollTimeout(Duration.ofSeconds(2)).build();
    // when
    TrafficResult result;
    try (TrafficRun run = traffic.start(plan, TrafficListener.noop())) {
      result = run.await(Duration.ofMinutes(2));
    }
    // then: 50, 100, 200, 400, 400 ... ms apart, so at most 9 polls an order
    Map<String, List<Instant>> polls = TrafficLog.read(result.trafficLog()).stream()
        .filter(r -> r.request().equals("get-order"))
        .collect(Collectors.groupingBy(TrafficRecord::orderId, Collectors.mapping(TrafficRecord::sent, Collectors.toList())));
    assertThat(polls).hasSize((int) result.arrivals()).allSatisfy((order, sent) -> {
      assertThat(sent).as("polls of %s", order).hasSizeBetween(3, 9).isSorted();
      assertThat(Duration.between(sent.get(sent.size() - 2), sent.get(sent.size() - 1))).as("the last wait of %s", order)
          .isGreaterThanOrEqualTo(Duration.ofMillis(350));
    });
  }

  @Test
  void should_follow_the_ramp_and_accept_missing_orders_when_browse_runs() {
    // given: 2/s up to 20/s over 4 s: 44 arrivals intended
    TrafficPlan plan = plan("browse", 20, 4).profile(LoadProfile.RAMP).build();
    // when
    TrafficResult result;
    try (TrafficRun run = traffic.start(plan, TrafficListener.noop())) {
      result = run.await(Duration.ofMinutes(2));
    }
    // then
    assertThat(result.intendedRate()).isCloseTo(11.0, within(0.01));
    assertThat(result.arrivals()).isBetween(40L, 48L);
    assertThat(result.requests()).isEqualTo(result.arrivals());
    assertThat(result.requestsByOutcome()).containsOnlyKeys(RequestOutcome.OK);
    assertThat(api.seen()).allSatisfy(s -> assertThat(s.method() + " " + s.synthetic()).isEqualTo("GET true"));
    assertThat(result.report()).isNull();
  }

  @Test
  void should_keep_the_results_gathered_so_far_when_stopped_early() throws Exception {
    // given
    TrafficPlan plan = plan("browse", 20, 60).build();
    List<TrafficRecord> heard = new CopyOnWriteArrayList<>();
    try (TrafficRun run = traffic.start(plan, heard::add)) {
      while (run.progress().arrivals() < 20) {
        Thread.sleep(100);
      }
      // when
      TrafficResult result = run.stop();
      // then
      assertThat(result.status()).isEqualTo(TrafficStatus.STOPPED);
      assertThat(result.arrivals()).isBetween(20L, 400L);
      assertThat(TrafficLog.read(result.trafficLog())).hasSize((int) result.requests()).hasSameSizeAs(heard);
      assertThat(run.isDone()).isTrue();
      assertThat(run.stop()).isSameAs(result);
    }
  }

  @Test
  void should_say_so_in_one_line_and_write_nothing_when_target_is_unreachable() throws Exception {
    // given
    TrafficPlan plan = plan("browse", 5, 2).baseUrl(URI.create("http://127.0.0.1:1")).build();
    // when / then
    assertThatThrownBy(() -> traffic.start(plan, TrafficListener.noop()))
        .isInstanceOf(TrafficException.class)
        .hasMessage("Target http://127.0.0.1:1 is unreachable (Connection refused connecting to 127.0.0.1:1 within"
            + " 3000 ms); start the system or fix the base URL");
    try (var files = Files.list(output)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void should_name_known_scenarios_when_scenario_is_unknown() {
    // given
    TrafficPlan plan = plan("checkout", 5, 2).build();
    // when / then
    assertThatThrownBy(() -> traffic.start(plan, TrafficListener.noop()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown scenario 'checkout'; known scenarios: [browse, place-order]");
  }
}
