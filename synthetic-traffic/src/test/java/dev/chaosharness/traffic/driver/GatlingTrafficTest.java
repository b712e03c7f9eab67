package dev.chaosharness.traffic.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficLog;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficRecord;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficRun;
import dev.chaosharness.core.traffic.TrafficStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingTrafficTest {

  private static FakeOrderApi api;
  @TempDir Path output;

  @BeforeAll
  static void startApi() throws Exception {
    api = new FakeOrderApi(2);
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  @Test
  void should_place_and_poll_marked_orders_and_log_each_request_when_place_order_runs() {
    // given
    TrafficPlan plan = TrafficPlan.builder().scenario("place-order").baseUrl(api.baseUrl())
        .rate(20).duration(Duration.ofSeconds(3)).seed(7).pollInterval(Duration.ofMillis(50))
        .outputDirectory(output).build();
    List<TrafficRecord> heard = new CopyOnWriteArrayList<>();
    // when
    TrafficResult result;
    try (TrafficRun run = new GatlingTraffic().start(plan, heard::add)) {
      result = run.await(Duration.ofMinutes(2));
    }
    // then
    List<TrafficRecord> log = TrafficLog.read(result.trafficLog());
    System.out.println(result);
    assertThat(result.status()).isEqualTo(TrafficStatus.COMPLETED);
    assertThat(result.arrivals()).isBetween(55L, 65L);
    assertThat(result.achievedRate()).isCloseTo(20.0, within(2.0));
    assertThat(log).hasSize((int) result.requests()).hasSameSizeAs(heard);
    assertThat(result.requestsByOutcome()).containsOnlyKeys(RequestOutcome.OK);
    assertThat(result.ordersByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(result.arrivals());
    assertThat(result.ordersByStatus()).doesNotContainKey("UNRESOLVED");
  }
}
