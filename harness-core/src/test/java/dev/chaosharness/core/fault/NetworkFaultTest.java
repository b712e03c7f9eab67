package dev.chaosharness.core.fault;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Network faults through the Toxiproxy Java client against our fault proxy. */
class NetworkFaultTest {

  static FaultProxy server;
  static ToxiproxyClient client;
  static ServerSocket upstream;
  FaultTarget target;
  Proxy link;

  @BeforeAll
  static void start() throws IOException {
    server = FaultProxy.start(FaultProxyConfig.ofDefaults());
    client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
    upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    upstream.close();
  }

  @BeforeEach
  void createLink() throws IOException {
    link = client.createProxy("payment->provider", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
    target = FaultTarget.builder().toxiproxy(server.apiUrl()).lease(Duration.ofSeconds(30)).build();
  }

  @AfterEach
  void deleteLink() throws IOException {
    link.delete();
  }

  @Test
  void should_create_a_leased_toxic_and_remove_it_when_injected_and_reverted() throws Exception {
    // given
    Fault fault = Faults.latency(ofMillis(200)).withJitter(ofMillis(50)).on("payment->provider");

    // when
    fault.inject(target);

    // then
    assertThat(link.toxics().getAll()).singleElement().satisfies(toxic -> {
      assertThat(toxic).isInstanceOf(Latency.class);
      assertThat(((Latency) toxic).getLatency()).isEqualTo(200);
      assertThat(((Latency) toxic).getJitter()).isEqualTo(50);
    });
    Toxic toxic = link.toxics().getAll().get(0);
    assertThat(get("/proxies/payment-%3Eprovider/toxics/" + toxic.getName())).contains("\"ttl\":30000");
    fault.revert();
    assertThat(link.toxics().getAll()).isEmpty();
  }

  @Test
  void should_describe_the_fault_when_asked() {
    // when
    String text = Faults.latency(ofMillis(200)).withJitter(ofMillis(50)).withToxicity(0.5).on("payment->provider").describe();

    // then
    assertThat(text).isEqualTo("latency {jitter=50, latency=200} downstream toxicity 0.5 on payment->provider");
  }

  @Test
  void should_create_one_toxic_per_direction_when_both_directions_are_asked() throws IOException {
    // given
    Fault fault = Faults.bandwidth(10).bothDirections().on("payment->provider");

    // when
    fault.inject(target);

    // then
    assertThat(link.toxics().getAll()).extracting(t -> t.getStream().name()).containsExactlyInAnyOrder("UPSTREAM", "DOWNSTREAM");
    fault.revert();
  }

  @Test
  void should_refuse_connections_when_the_link_is_down_and_accept_after_revert() throws IOException {
    // given
    Fault fault = Faults.linkDown("payment->provider");

    // when
    fault.inject(target);

    // then
    assertThatThrownBy(() -> connect(link.getListen())).isInstanceOf(IOException.class);
    fault.revert();
    connect(link.getListen()).close();
  }

  @Test
  void should_lease_the_disabled_link_and_clear_the_lease_when_reverted() throws Exception {
    // given
    Fault fault = Faults.linkDown("payment->provider");

    // when
    fault.inject(target);

    // then
    assertThat(get("/proxies/payment-%3Eprovider")).contains("\"enabled\":false,\"disabled_ttl\":30000,");
    fault.revert();
    assertThat(get("/proxies/payment-%3Eprovider")).contains("\"enabled\":true,").doesNotContain("disabled_ttl");
  }

  @Test
  void should_keep_the_link_down_past_its_lease_when_the_lease_is_renewed() throws Exception {
    // given
    FaultTarget shortLease = FaultTarget.builder().toxiproxy(server.apiUrl()).lease(ofMillis(600)).build();
    Fault fault = Faults.linkDown("payment->provider");

    // when
    fault.inject(shortLease);
    Thread.sleep(1500);

    // then
    assertThat(client.getProxy("payment->provider").isEnabled()).isFalse();
    fault.revert();
    assertThat(client.getProxy("payment->provider").isEnabled()).isTrue();
  }

  @Test
  void should_name_the_known_links_when_the_link_does_not_exist() {
    // given
    Fault fault = Faults.timeout(ofMillis(100)).on("nope");

    // when / then
    assertThatThrownBy(() -> fault.inject(target))
        .isInstanceOf(FaultException.class)
        .hasMessage("Link 'nope' does not exist on the Toxiproxy at " + server.apiUrl() + "; known links: [payment->provider]");
  }

  @Test
  void should_reject_jitter_when_the_fault_is_not_latency() {
    assertThatThrownBy(() -> Faults.bandwidth(10).withJitter(ofMillis(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("withJitter applies to latency faults only, but this is a bandwidth fault");
  }

  @Test
  void should_revert_the_toxic_when_the_ledger_closes_after_an_exception() throws IOException {
    // when
    assertThatThrownBy(() -> {
      try (FaultLedger ledger = FaultLedger.open(target)) {
        ledger.inject(Faults.resetPeer(ofMillis(0)).upstream().on("payment->provider"));
        ledger.inject(Faults.slicer(10, 2, ofMillis(1)).on("payment->provider"));
        assertThat(link.toxics().getAll()).hasSize(2);
        throw new IllegalStateException("check failed");
      }
    }).hasMessage("check failed");

    // then
    assertThat(link.toxics().getAll()).isEmpty();
  }

  private static Socket connect(String hostPort) throws IOException {
    int colon = hostPort.lastIndexOf(':');
    return new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static String get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.apiUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
