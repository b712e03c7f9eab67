package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Toxiproxy link router against a Toxiproxy-compatible API (the harness's fault proxy),
 * so its API calls run without Docker; the container's port mapping is the identity here.
 */
class ToxiproxyLinkRouterTest {

  private FaultProxy server;
  private ToxiproxyClient client;
  private final List<Integer> exposed = new CopyOnWriteArrayList<>();
  private ToxiproxyLinkRouter router;
  private int firstPort;

  @BeforeEach
  void start() {
    server = FaultProxy.start(FaultProxyConfig.builder().seed(7).build());
    client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
    firstPort = Ports.free();
    router = new ToxiproxyLinkRouter(client, firstPort, 1, Ports::loopback, port -> {
      exposed.add(port);
      return port;
    });
  }

  @AfterEach
  void stop() {
    router.close();
    server.close();
  }

  @Test
  void should_create_proxy_to_host_port_through_container_host_when_upstream_is_resolved()
      throws Exception {
    // when
    InetSocketAddress listen = router.open("order->provider", Ports.loopback(41240));
    // then
    assertThat(listen).isEqualTo(Ports.loopback(firstPort));
    assertThat(exposed).containsExactly(41240);
    assertThat(client.getProxy("order->provider").getUpstream())
        .isEqualTo("host.testcontainers.internal:41240");
    assertThat(client.getProxy("order->provider").getListen()).endsWith(":" + firstPort);
  }

  @Test
  void should_keep_network_name_and_retarget_when_upstream_is_unresolved() throws Exception {
    // given
    router.open("order->postgres", InetSocketAddress.createUnresolved("postgres", 5432));
    // when
    router.retarget("order->postgres", InetSocketAddress.createUnresolved("postgres", 5433));
    // then
    assertThat(client.getProxy("order->postgres").getUpstream()).isEqualTo("postgres:5433");
    assertThat(exposed).isEmpty();
  }

  @Test
  void should_delete_its_proxies_when_closed() throws Exception {
    // given
    router.open("order->postgres", InetSocketAddress.createUnresolved("postgres", 5432));
    // when
    router.close();
    router.close();
    // then
    assertThat(client.getProxies()).isEmpty();
    assertThatThrownBy(() -> router.open("x", Ports.loopback(1)))
        .hasMessage("Router is closed; cannot open link 'x'");
  }

  @Test
  void should_name_known_links_when_retargeting_unknown_link() {
    assertThatThrownBy(() -> router.retarget("nope", Ports.loopback(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Link 'nope' does not exist; known links: []");
  }
}
