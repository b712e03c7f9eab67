package dev.chaosharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A harness JVM killed with SIGKILL while its leased fault is active leaves no fault behind. */
class KilledHarnessTest {

  static FaultProxy server;
  static ToxiproxyClient client;

  @BeforeAll
  static void start() {
    server = FaultProxy.start(FaultProxyConfig.ofDefaults());
    client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void should_remove_the_toxic_when_the_harness_jvm_is_killed_and_the_lease_expires() throws Exception {
    // given
    Proxy link = client.createProxy("order->db", "127.0.0.1:0", "127.0.0.1:9");
    Process child = startChild("order->db", "latency");
    try {
      assertThat(awaitInjected(child)).isEqualTo("INJECTED");
      assertThat(link.toxics().getAll()).hasSize(1);

      // when
      kill(child);

      // then
      assertThat(link.toxics().getAll()).hasSize(1);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(link.toxics().getAll()).isEmpty());
    } finally {
      child.destroyForcibly();
      link.delete();
    }
  }

  @Test
  void should_bring_the_link_back_up_when_the_harness_jvm_is_killed_and_the_lease_expires() throws Exception {
    try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // given
      Proxy link = client.createProxy("payment->provider", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
      String listen = link.getListen();
      Process child = startChild("payment->provider", "link-down");
      try {
        assertThat(awaitInjected(child)).isEqualTo("INJECTED");
        assertThat(client.getProxy("payment->provider").isEnabled()).isFalse();

        // when
        kill(child);

        // then
        assertThat(client.getProxy("payment->provider").isEnabled()).isFalse();
        assertThatThrownBy(() -> connect(listen).close()).isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
            () -> assertThat(client.getProxy("payment->provider").isEnabled()).isTrue());
        connect(listen).close();
      } finally {
        child.destroyForcibly();
        link.delete();
      }
    }
  }

  private static Process startChild(String link, String fault) throws IOException {
    return new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        LeasedFaultChild.class.getName(), server.apiUrl().toString(), link, fault)
        .redirectErrorStream(true)
        .start();
  }

  private static String awaitInjected(Process child) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(() -> readUntilInjected(out)).get(30, TimeUnit.SECONDS);
  }

  private static void kill(Process child) throws InterruptedException {
    child.destroyForcibly();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  private static Socket connect(String hostPort) throws IOException {
    int colon = hostPort.lastIndexOf(':');
    return new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static String readUntilInjected(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("INJECTED")) {
          return line;
        }
      }
      return "child exited without injecting";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
