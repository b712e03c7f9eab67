package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import dev.chaosharness.core.proxy.FaultProxyLinkRouter;
import dev.chaosharness.core.target.YamlInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded environment with its links on the fault proxy instead of pass-through. */
class EmbeddedEnvironmentFaultProxyTest {

  @TempDir Path workDir;

  @Test
  void should_serve_kafka_and_postgres_through_fault_proxy_when_it_routes_links() throws Exception {
    // given
    Topology topology = YamlInput.parse(Path.of("inline.yaml"), String.join("\n",
        "name: proxied",
        "topics: {partitions: 1, names: [test.events]}",
        "services:",
        "  - {name: order, main: dev.chaosharness.core.env.TestServiceMain, database: true,"
            + " kafka: true}"), Topology.class);
    try (FaultProxy proxy = FaultProxy.start(FaultProxyConfig.builder().port(0).build())) {
      // when
      try (EmbeddedEnvironment env = EmbeddedEnvironment.start(EmbeddedEnvironmentConfig.builder()
          .topology(topology).workDir(workDir)
          .linkRouter(FaultProxyLinkRouter.of(proxy)).proxyApiUrl(proxy.apiUrl().toString())
          .build())) {
        // then: the service wrote through both links before it reported healthy
        assertThat(env.target().proxyApiUrl()).isEqualTo(proxy.apiUrl().toString());
        assertThat(EmbeddedEnvironmentTest.get(proxy.apiUrl() + "/proxies"))
            .contains("\"order->kafka\"", "\"order->postgres\"");
        List<String> events = KafkaClients.consumeAll(env.target().kafka().bootstrapServers(),
            "test.events", 1, Duration.ofSeconds(20));
        assertThat(events).containsExactly("order started");
      }
    }
  }
}
