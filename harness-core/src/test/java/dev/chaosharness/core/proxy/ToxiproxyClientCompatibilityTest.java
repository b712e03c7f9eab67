package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Toxiproxy Java client, unchanged, against our server, endpoint by endpoint. */
class ToxiproxyClientCompatibilityTest {

  static FaultProxy server;
  static EchoServer echo;
  static ToxiproxyClient client;

  @BeforeAll
  static void start() throws IOException {
    server = FaultProxy.start(FaultProxyConfig.builder().seed(7).build());
    echo = new EchoServer();
    client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    echo.close();
  }

  @AfterEach
  void clean() throws IOException {
    for (Proxy proxy : client.getProxies()) {
      proxy.delete();
    }
  }

  @Test
  void should_report_a_2x_version_when_asked() throws IOException {
    // when
    String version = client.version();

    // then
    assertThat(version).contains("\"version\": \"2.");
  }

  @Test
  void should_create_list_get_and_delete_a_proxy_when_driven_by_the_client() throws IOException {
    // given
    Proxy created = client.createProxy("payment->provider", "127.0.0.1:0", echo.address());

    // when
    Proxy fetched = client.getProxy("payment->provider");

    // then
    assertThat(created.getListen()).startsWith("127.0.0.1:").doesNotEndWith(":0");
    assertThat(fetched.getUpstream()).isEqualTo(echo.address());
    assertThat(fetched.isEnabled()).isTrue();
    assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("payment->provider");
    fetched.delete();
    assertThat(client.getProxyOrNull("payment->provider")).isNull();
  }

  @Test
  void should_refuse_connections_when_disabled_and_accept_again_when_enabled() throws IOException {
    // given
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", echo.address());

    // when
    proxy.disable();

    // then
    assertThat(proxy.isEnabled()).isFalse();
    assertThatThrownBy(() -> Sockets.connect(proxy.getListen())).isInstanceOf(IOException.class);
    proxy.enable();
    try (var socket = Sockets.connect(proxy.getListen())) {
      Sockets.roundTripMillis(socket, new byte[] {1, 2, 3});
    }
  }

  @Test
  void should_cut_live_connections_when_disabled() throws IOException {
    // given
    Proxy proxy = client.createProxy("cut", "127.0.0.1:0", echo.address());
    try (var socket = Sockets.connect(proxy.getListen())) {
      Sockets.roundTripMillis(socket, new byte[] {1});

      // when
      proxy.disable();

      // then
      assertThat(readOrReset(socket)).isEqualTo(-1);
    }
  }

  @Test
  void should_drop_live_connections_when_the_upstream_changes() throws IOException {
    // given
    Proxy proxy = client.createProxy("moved", "127.0.0.1:0", echo.address());
    try (var socket = Sockets.connect(proxy.getListen()); EchoServer other = new EchoServer()) {
      Sockets.roundTripMillis(socket, new byte[] {1});

      // when
      proxy.setUpstream(other.address());

      // then
      assertThat(readOrReset(socket)).isEqualTo(-1);
    }
  }

  private static int readOrReset(java.net.Socket socket) throws IOException {
    try {
      return socket.getInputStream().read();
    } catch (java.net.SocketException e) {
      return -1;
    }
  }

  @Test
  void should_create_read_update_and_remove_every_toxic_type_when_driven_by_the_client() throws IOException {
    // given
    Proxy proxy = client.createProxy("kafka", "127.0.0.1:0", echo.address());

    // when
    Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100).setJitter(20);
    Bandwidth bandwidth = proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 500);
    SlowClose slowClose = proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 10);
    Timeout timeout = proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 1000);
    ResetPeer reset = proxy.toxics().resetPeer("rp", ToxicDirection.UPSTREAM, 50);
    Slicer slicer = proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 10, 5).setSizeVariation(2);
    LimitData limit = proxy.toxics().limitData("ld", ToxicDirection.UPSTREAM, 1000);
    latency.setToxicity(0.5f);

    // then
    assertThat(proxy.toxics().getAll()).extracting(t -> t.getName())
        .containsExactly("lat", "bw", "sc", "to", "rp", "sl", "ld");
    Latency read = proxy.toxics().get("lat", Latency.class);
    assertThat(read.getLatency()).isEqualTo(100);
    assertThat(read.getJitter()).isEqualTo(20);
    assertThat(read.getToxicity()).isEqualTo(0.5f);
    assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(500);
    assertThat(slowClose.getDelay()).isEqualTo(10);
    assertThat(timeout.getTimeout()).isEqualTo(1000);
    assertThat(reset.getTimeout()).isEqualTo(50);
    assertThat(proxy.toxics().get("sl", Slicer.class).getSizeVariation()).isEqualTo(2);
    assertThat(limit.getBytes()).isEqualTo(1000);
    assertThat(bandwidth.getStream()).isEqualTo(ToxicDirection.UPSTREAM);
    latency.remove();
    assertThat(proxy.toxics().getAll()).hasSize(6);
  }

  @Test
  void should_remove_every_toxic_and_enable_every_proxy_when_reset() throws IOException {
    // given (a fresh client: the client also refreshes every proxy it ever created on reset)
    ToxiproxyClient fresh = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
    Proxy proxy = fresh.createProxy("stock->db", "127.0.0.1:0", echo.address());
    proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);
    proxy.disable();

    // when
    fresh.reset();

    // then
    Proxy after = fresh.getProxy("stock->db");
    assertThat(after.isEnabled()).isTrue();
    assertThat(after.toxics().getAll()).isEmpty();
  }

  @Test
  void should_move_the_listen_address_and_upstream_when_updated() throws IOException {
    // given
    Proxy proxy = client.createProxy("moving", "127.0.0.1:0", "127.0.0.1:1");

    // when
    proxy.setUpstream(echo.address());
    proxy.setListen("127.0.0.1:0");

    // then
    assertThat(proxy.getUpstream()).isEqualTo(echo.address());
    try (var socket = Sockets.connect(proxy.getListen())) {
      Sockets.roundTripMillis(socket, new byte[] {9});
    }
  }

  @Test
  void should_fail_with_the_status_and_message_when_the_proxy_exists() throws IOException {
    // given
    client.createProxy("dup", "127.0.0.1:0", echo.address());

    // when / then
    assertThatThrownBy(() -> client.createProxy("dup", "127.0.0.1:0", echo.address()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("proxy already exists: dup");
  }
}
