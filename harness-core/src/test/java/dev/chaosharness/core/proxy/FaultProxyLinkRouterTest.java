package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultProxyLinkRouterTest {

  static FaultProxy server;
  static EchoServer echo;

  @BeforeAll
  static void start() throws IOException {
    server = FaultProxy.start(FaultProxyConfig.ofDefaults());
    echo = new EchoServer();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    echo.close();
  }

  @Test
  void should_forward_through_a_named_proxy_when_a_link_is_opened() throws IOException {
    try (FaultProxyLinkRouter router = FaultProxyLinkRouter.of(server)) {
      // when
      InetSocketAddress address = router.open("order->db", new InetSocketAddress("127.0.0.1", echo.port()));

      // then
      assertThat(server.registry().get("order->db").upstream()).isEqualTo(echo.address());
      try (Socket socket = Sockets.connect("127.0.0.1:" + address.getPort())) {
        Sockets.roundTripMillis(socket, new byte[] {1});
      }
    }
    assertThat(server.registry().all()).isEmpty();
  }

  @Test
  void should_keep_the_client_address_when_retargeted() throws IOException {
    try (FaultProxyLinkRouter router = FaultProxyLinkRouter.of(server);
        EchoServer restarted = new EchoServer()) {
      // given
      InetSocketAddress address = router.open("stock->db", new InetSocketAddress("127.0.0.1", echo.port()));

      // when
      router.retarget("stock->db", new InetSocketAddress("127.0.0.1", restarted.port()));

      // then
      assertThat(server.registry().get("stock->db").upstream()).isEqualTo(restarted.address());
      try (Socket socket = Sockets.connect("127.0.0.1:" + address.getPort())) {
        Sockets.roundTripMillis(socket, new byte[] {1});
      }
    }
  }

  @Test
  void should_keep_a_downed_link_down_when_retargeted() throws IOException {
    try (FaultProxyLinkRouter router = FaultProxyLinkRouter.of(server);
        EchoServer restarted = new EchoServer()) {
      // given: the link is down under a lease, as a network fault leaves it
      InetSocketAddress address = router.open("shipping->db", new InetSocketAddress("127.0.0.1", echo.port()));
      TcpProxy link = server.registry().get("shipping->db");
      link.update(link.listen(), link.upstream(), false);
      link.leaseDisabled(60_000);

      // when
      router.retarget("shipping->db", new InetSocketAddress("127.0.0.1", restarted.port()));

      // then
      assertThat(link.enabled()).isFalse();
      assertThat(link.disabledTtlMillis()).isEqualTo(60_000);
      assertThat(link.upstream()).isEqualTo(restarted.address());
      assertThatThrownBy(() -> Sockets.connect("127.0.0.1:" + address.getPort()).close())
          .isInstanceOf(IOException.class).hasMessageContaining("Connection refused");

      // when: the fault is reverted
      link.update(link.listen(), link.upstream(), true);

      // then: the link reaches the new upstream
      try (Socket socket = Sockets.connect("127.0.0.1:" + address.getPort())) {
        Sockets.roundTripMillis(socket, new byte[] {1});
      }
    }
  }

  @Test
  void should_fail_naming_the_link_when_it_is_opened_twice_or_unknown() {
    try (FaultProxyLinkRouter router = FaultProxyLinkRouter.of(server)) {
      // given
      router.open("twice", new InetSocketAddress("127.0.0.1", echo.port()));

      // when / then
      assertThatThrownBy(() -> router.open("twice", new InetSocketAddress("127.0.0.1", echo.port())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Link 'twice' is already open on the fault proxy; close it first or pick another name");
      assertThatThrownBy(() -> router.retarget("nope", new InetSocketAddress("127.0.0.1", 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Link 'nope' is not open; open links: [twice]");
    }
  }
}
