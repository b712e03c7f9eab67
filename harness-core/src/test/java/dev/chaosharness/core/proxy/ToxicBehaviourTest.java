package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each toxic's behaviour over real TCP through the proxy; timing bounds are generous. */
class ToxicBehaviourTest {

  static FaultProxy server;
  static EchoServer echo;
  static ToxiproxyClient client;
  Proxy proxy;

  @BeforeAll
  static void start() throws IOException {
    server = FaultProxy.start(FaultProxyConfig.builder().seed(1).build());
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
    if (proxy != null) {
      proxy.delete();
    }
  }

  private Proxy echoProxy(String name) throws IOException {
    proxy = client.createProxy(name, "127.0.0.1:0", echo.address());
    return proxy;
  }

  @Test
  void should_delay_the_round_trip_when_latency_is_set() throws IOException {
    // given
    echoProxy("lat").toxics().latency("lat", ToxicDirection.DOWNSTREAM, 300);

    // when
    long millis;
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      millis = Sockets.roundTripMillis(socket, "ping".getBytes(StandardCharsets.UTF_8));
    }

    // then
    assertThat(millis).isBetween(280L, 5_000L);
  }

  @Test
  void should_keep_byte_order_when_jitter_exceeds_the_gap_between_writes() throws Exception {
    // given
    echoProxy("order").toxics().latency("lat", ToxicDirection.UPSTREAM, 20).setJitter(19);
    byte[] sent = new byte[400];
    new Random(3).nextBytes(sent);

    // when
    byte[] received;
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      for (int i = 0; i < sent.length; i += 4) {
        socket.getOutputStream().write(sent, i, 4);
        socket.getOutputStream().flush();
        Thread.sleep(1);
      }
      received = Sockets.readExactly(socket.getInputStream(), sent.length);
    }

    // then
    assertThat(received).isEqualTo(sent);
  }

  @Test
  void should_apply_to_a_live_connection_when_added_and_removed() throws IOException {
    // given
    echoProxy("live");
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      long before = Sockets.roundTripMillis(socket, new byte[] {1});

      // when
      Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 1000);
      long during = Sockets.roundTripMillis(socket, new byte[] {2});
      latency.remove();
      long after = Sockets.roundTripMillis(socket, new byte[] {3});

      // then
      assertThat(before).isLessThan(900);
      assertThat(during).isGreaterThanOrEqualTo(980);
      assertThat(after).isLessThan(900);
    }
  }

  @Test
  void should_have_no_effect_when_toxicity_is_zero() throws IOException {
    // given
    echoProxy("zero").toxics().latency("lat", ToxicDirection.DOWNSTREAM, 1000).setToxicity(0f);

    // when
    long millis;
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      millis = Sockets.roundTripMillis(socket, new byte[] {1});
    }

    // then
    assertThat(millis).isLessThan(800);
  }

  @Test
  void should_limit_the_rate_when_bandwidth_is_set() throws IOException {
    // given
    echoProxy("bw").toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 100);

    // when
    long millis;
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      millis = Sockets.roundTripMillis(socket, new byte[50_000]);
    }

    // then 50 KB at 100 KB/s takes about 500 ms
    assertThat(millis).isBetween(400L, 10_000L);
  }

  @Test
  void should_deliver_every_byte_in_order_when_sliced() throws IOException {
    // given
    echoProxy("slicer").toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 10, 1000).setSizeVariation(5);
    byte[] sent = new byte[1000];
    new Random(5).nextBytes(sent);

    // when
    long start = System.nanoTime();
    byte[] received;
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      socket.getOutputStream().write(sent);
      received = Sockets.readExactly(socket.getInputStream(), sent.length);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then about 100 slices, 1 ms apart
    assertThat(received).isEqualTo(sent);
    assertThat(millis).isGreaterThanOrEqualTo(50);
  }

  @Test
  void should_close_after_the_limit_when_limit_data_is_set() throws IOException {
    // given
    echoProxy("limit").toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 100);

    // when
    byte[] received;
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      socket.getOutputStream().write(new byte[300]);
      received = socket.getInputStream().readAllBytes();
    }

    // then
    assertThat(received).hasSize(100);
  }

  @Test
  void should_hold_data_and_close_held_connections_when_a_blackhole_timeout_is_removed() throws IOException {
    // given
    Timeout timeout = echoProxy("blackhole").toxics().timeout("to", ToxicDirection.UPSTREAM, 0);
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      socket.setSoTimeout(500);
      socket.getOutputStream().write(new byte[] {1});
      assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

      // when
      timeout.remove();

      // then
      socket.setSoTimeout(5_000);
      assertThat(readOrReset(socket.getInputStream())).isEqualTo(-1);
    }
  }

  @Test
  void should_close_the_connection_when_the_timeout_elapses() throws IOException {
    // given
    echoProxy("timeout").toxics().timeout("to", ToxicDirection.UPSTREAM, 300);

    // when
    long start = System.nanoTime();
    int read;
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      socket.getOutputStream().write(new byte[] {1});
      read = readOrReset(socket.getInputStream());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    assertThat(read).isEqualTo(-1);
    assertThat(millis).isBetween(250L, 5_000L);
  }

  @Test
  void should_reset_the_connection_when_reset_peer_is_set() throws IOException {
    // given
    echoProxy("reset").toxics().resetPeer("rp", ToxicDirection.UPSTREAM, 0);

    // when / then
    try (Socket socket = Sockets.connect(proxy.getListen())) {
      socket.getOutputStream().write(new byte[] {1});
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void should_delay_the_close_when_slow_close_is_set() throws IOException {
    // given a server that greets and hangs up
    try (ServerSocket greeter = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread thread = new Thread(() -> {
        try (Socket s = greeter.accept()) {
          s.getOutputStream().write('h');
        } catch (IOException e) {
          // test over
        }
      });
      thread.start();
      proxy = client.createProxy("slowclose", "127.0.0.1:0", "127.0.0.1:" + greeter.getLocalPort());
      proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 400);

      // when
      long start = System.nanoTime();
      int first;
      int end;
      try (Socket socket = Sockets.connect(proxy.getListen())) {
        first = socket.getInputStream().read();
        end = socket.getInputStream().read();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      // then
      assertThat(first).isEqualTo('h');
      assertThat(end).isEqualTo(-1);
      assertThat(millis).isBetween(350L, 5_000L);
    }
  }

  private static int readOrReset(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (SocketException e) {
      return -1;
    }
  }
}
