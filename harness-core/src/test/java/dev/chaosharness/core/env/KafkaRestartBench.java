package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker SIGKILL + restart: time from restart to the first accepted write, against the
 * baseline of a cold start (launch to first accepted write) measured in the same run.
 * Run with {@code ./mvnw -B -q -pl harness-core test -Pbench -Dtest=KafkaRestartBench}.
 */
@Tag("bench")
class KafkaRestartBench {

  private static final int ROUNDS = 3;

  @TempDir Path workDir;

  @Test
  void restart_to_first_accepted_write() throws Exception {
    try (ProcessSupervisor supervisor = new ProcessSupervisor();
        PassThroughLinkRouter router = new PassThroughLinkRouter()) {
      long launched = System.nanoTime();
      KafkaBroker broker = KafkaBroker.launch(supervisor,
          KafkaBrokerConfig.builder(workDir).build(), router);
      broker.awaitReady();
      broker.createTopics(List.of("bench"), 3);
      KafkaClients.firstAcceptedWrite(broker.bootstrapServers(), "bench", Duration.ofSeconds(60));
      Duration cold = Duration.ofNanos(System.nanoTime() - launched);
      List<Duration> restarts = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        KafkaClients.produce(broker.bootstrapServers(), "bench", 1000);
        broker.process().kill();
        long restarted = System.nanoTime();
        broker.process().restart();
        KafkaClients.firstAcceptedWrite(broker.bootstrapServers(), "bench", Duration.ofSeconds(60));
        restarts.add(Duration.ofNanos(System.nanoTime() - restarted));
      }
      List<String> values = KafkaClients.consumeAll(broker.bootstrapServers(), "bench",
          ROUNDS * 1001 + ROUNDS + 1, Duration.ofSeconds(30));
      assertThat(values).hasSize(ROUNDS * 1001 + ROUNDS + 1);
      long median = restarts.stream().mapToLong(Duration::toMillis).sorted().toArray()[ROUNDS / 2];
      System.out.printf("kafka restart bench: cold start to first write %d ms (baseline); "
          + "restart after SIGKILL to first write: median %d ms %s; ratio %.2f; no record lost "
          + "(%d of %d)%n", cold.toMillis(), median,
          restarts.stream().map(Duration::toMillis).toList(), median / (double) cold.toMillis(),
          values.size(), ROUNDS * 1001 + ROUNDS + 1);
    }
  }
}
