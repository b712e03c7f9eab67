package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The opt-in busy-poll window: data still flows, toxic timers still fire, bad values are refused. */
class BusyPollTest {

  @Test
  void should_relay_and_delay_as_without_polling_when_a_busy_poll_window_is_set() throws IOException {
    // given
    try (FaultProxy server = FaultProxy.start(FaultProxyConfig.builder().seed(1).busyPollMicros(50).build());
        EchoServer echo = new EchoServer()) {
      ToxiproxyClient client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
      Proxy proxy = client.createProxy("polled", "127.0.0.1:0", echo.address());
      byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);

      // when
      long plain;
      long delayed;
      try (Socket socket = Sockets.connect(proxy.getListen())) {
        plain = Sockets.roundTripMillis(socket, ping);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 200);
        delayed = Sockets.roundTripMillis(socket, ping);
      }

      // then
      assertThat(plain).isLessThan(1_000L);
      assertThat(delayed).isBetween(180L, 5_000L);
    }
  }

  @Test
  void should_refuse_naming_the_value_when_the_busy_poll_window_is_out_of_range() {
    // when / then
    assertThatThrownBy(() -> FaultProxyConfig.builder().busyPollMicros(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("busyPollMicros must be within [0, 10000], but was -5");
    assertThat(FaultProxyConfig.ofDefaults().busyPollMicros()).isZero();
  }
}
