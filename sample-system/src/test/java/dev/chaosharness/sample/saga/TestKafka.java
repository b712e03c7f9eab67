package dev.chaosharness.sample.saga;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker as a child process from the test classpath.
 */
final class TestKafka implements AutoCloseable {

  private final Process process;
  private final String bootstrap;

  private TestKafka(Process process, String bootstrap) {
    this.process = process;
    this.bootstrap = bootstrap;
  }

  static TestKafka start(Path dir) throws Exception {
    Files.createDirectories(dir);
    int port = TestPostgres.freePort();
    int controller = TestPostgres.freePort();
    Path props = dir.resolve("server.properties");
    Files.writeString(props, String.join("\n",
        "process.roles=broker,controller", "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controller, "controller.listener.names=CONTROLLER",
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"), "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=3",
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0", "broker.session.timeout.ms=2000", "broker.heartbeat.interval.ms=500",
        "num.network.threads=2", "num.io.threads=2", "auto.create.topics.enable=false", ""));
    try (PrintStream out = new PrintStream(dir.resolve("format.log").toFile())) {
      int exit = kafka.tools.StorageTool.execute(
          new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", props.toString()}, out);
      if (exit != 0) {
        throw new IllegalStateException("kafka storage format failed; see " + dir.resolve("format.log"));
      }
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "kafka.Kafka",
        props.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("kafka.log").toFile()).start();
    TestKafka kafka = new TestKafka(process, "127.0.0.1:" + port);
    kafka.awaitReady(Duration.ofSeconds(60));
    return kafka;
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = admin()) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (System.nanoTime() > deadline || !process.isAlive()) {
            throw new IllegalStateException("Kafka broker at " + bootstrap + " did not start", e);
          }
        }
      }
    }
  }

  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  void createTopics(List<String> names, int partitions) throws Exception {
    try (Admin admin = admin()) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, partitions, (short) 1));
      }
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  String bootstrap() {
    return bootstrap;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
