package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.env.KafkaBroker;
import dev.chaosharness.core.env.KafkaBrokerConfig;
import dev.chaosharness.core.env.PassThroughLinkRouter;
import dev.chaosharness.core.env.ProcessSupervisor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness bench kafka-restart}: the embedded broker's recovery from SIGKILL. Baseline:
 * a cold start (launch to the first accepted write); figure: restart after SIGKILL to the first
 * accepted write; and every committed record (acknowledged with {@code acks=all}) must be read
 * back afterwards. Exit 1 if one is lost.
 */
@Command(
    name = "kafka-restart",
    mixinStandardHelpOptions = true,
    description = "Broker SIGKILL + restart: time to the first accepted write vs a cold start; "
        + "checks that no committed record is lost.")
final class KafkaRestartBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--rounds", defaultValue = "5", description = "Kill/restart rounds (${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--records", defaultValue = "1000",
      description = "Records produced (acks=all) before each kill (${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--work-dir", defaultValue = "target/harness/bench-kafka-restart",
      paramLabel = "DIR", description = "Work folder (${DEFAULT-VALUE}); emptied first.")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || records < 1) {
      throw new UserError("--rounds and --records must be >= 1, but were " + rounds + " and "
          + records);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = workDir.resolve(Long.toString(ProcessHandle.current().pid()));
    try (ProcessSupervisor supervisor = new ProcessSupervisor();
        PassThroughLinkRouter router = new PassThroughLinkRouter()) {
      long launched = System.nanoTime();
      KafkaBroker broker = KafkaBroker.launch(supervisor, KafkaBrokerConfig.builder(dir).build(),
          router);
      broker.awaitReady();
      broker.createTopics(List.of("bench"), 3);
      String bootstrap = broker.bootstrapServers();
      firstWrite(bootstrap);
      long cold = millisSince(launched);
      out.printf("cold start to first accepted write: %d ms%n", cold);
      List<Long> restarts = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        produce(bootstrap, round, records);
        broker.process().kill();
        long restarted = System.nanoTime();
        broker.process().restart();
        firstWrite(bootstrap);
        restarts.add(millisSince(restarted));
        out.printf("round %d: restart after SIGKILL to first accepted write: %d ms%n", round,
            restarts.get(restarts.size() - 1));
        out.flush();
      }
      Set<String> expected = new HashSet<>();
      for (int round = 1; round <= rounds; round++) {
        for (int i = 0; i < records; i++) {
          expected.add("r" + round + "-" + i);
        }
      }
      Set<String> missing = missing(bootstrap, expected);
      long median = restarts.stream().sorted().toList().get(rounds / 2);
      out.printf("kafka-restart: median %d ms vs cold start %d ms (ratio %.2f); committed records "
          + "found %d of %d%s%n", median, cold, median / (double) cold,
          expected.size() - missing.size(), expected.size(),
          missing.isEmpty() ? " (none lost)" : " (LOST " + missing.size() + ")");
      broker.close();
      return missing.isEmpty() ? 0 : HarnessCommand.EXIT_FAILED;
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100),
        new StringSerializer(), new StringSerializer());
  }

  private static void produce(String bootstrap, int round, int count) throws Exception {
    List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (int i = 0; i < count; i++) {
        String value = "r" + round + "-" + i;
        acks.add(producer.send(new ProducerRecord<>("bench", "k" + (i % 13), value)));
      }
      for (java.util.concurrent.Future<?> ack : acks) {
        ack.get(30, TimeUnit.SECONDS); // committed: acknowledged with acks=all
      }
    }
  }

  private static void firstWrite(String bootstrap) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      while (System.nanoTime() < deadline) {
        try {
          producer.send(new ProducerRecord<>("bench", "probe", "probe")).get(3, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          Thread.sleep(20);
        }
      }
    }
    throw new IllegalStateException("Kafka accepted no write within 120 s of its (re)start");
  }

  private static Set<String> missing(String bootstrap, Set<String> expected) {
    Set<String> missing = new HashSet<>(expected);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "bench-count",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("bench"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> missing.remove(record.value()));
      }
    }
    return missing;
  }
}
