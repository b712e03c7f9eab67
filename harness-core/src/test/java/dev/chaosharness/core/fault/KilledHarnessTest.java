package dev.chaosharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A harness JVM killed with SIGKILL while its leased toxic is active leaves no toxic behind. */
class KilledHarnessTest {

  @Test
  void should_remove_the_toxic_when_the_harness_jvm_is_killed_and_the_lease_expires() throws Exception {
    try (FaultProxy server = FaultProxy.start(FaultProxyConfig.ofDefaults())) {
      // given
      ToxiproxyClient client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
      Proxy link = client.createProxy("order->db", "127.0.0.1:0", "127.0.0.1:9");
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          LeasedToxicChild.class.getName(), server.apiUrl().toString(), "order->db")
          .redirectErrorStream(true)
          .start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readUntilInjected(out)).get(30, TimeUnit.SECONDS);
        assertThat(line).isEqualTo("INJECTED");
        assertThat(link.toxics().getAll()).hasSize(1);

        // when
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(link.toxics().getAll()).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(link.toxics().getAll()).isEmpty());
      } finally {
        child.destroyForcibly();
      }
    }
  }

  private static String readUntilInjected(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("INJECTED")) {
          return line;
        }
      }
      return "child exited without injecting";
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
