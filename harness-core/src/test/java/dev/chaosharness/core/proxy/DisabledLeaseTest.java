package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our {@code disabled_ttl} extension: a disabled proxy enables itself when its lease runs out. */
class DisabledLeaseTest {

  static EchoServer echo;
  static FaultProxy server;
  static ApiClient api;

  @BeforeAll
  static void start() throws IOException {
    echo = new EchoServer();
    server = FaultProxy.start(FaultProxyConfig.ofDefaults());
    api = new ApiClient(server.apiUrl());
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    echo.close();
  }

  @AfterEach
  void removeProxies() {
    server.registry().closeAll();
  }

  @Test
  void should_echo_the_lease_and_enable_the_proxy_again_when_the_disabled_lease_expires() throws IOException {
    // given
    String listen = create("leased");

    // when
    HttpResponse<String> disabled = api.send("POST", "/proxies/leased", "{\"enabled\": false, \"disabled_ttl\": 500}");

    // then
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(disabled.body()).contains("\"enabled\":false,\"disabled_ttl\":500,");
    assertThat(get("leased")).contains("\"disabled_ttl\":500");
    assertThatThrownBy(() -> Sockets.connect(listen).close()).isInstanceOf(IOException.class);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("leased")).contains("\"enabled\":true"));
    assertThat(get("leased")).doesNotContain("disabled_ttl");
    try (Socket socket = Sockets.connect(listen)) {
      Sockets.roundTripMillis(socket, new byte[] {1, 2, 3});
    }
  }

  @Test
  void should_keep_the_proxy_disabled_when_the_lease_is_renewed() throws InterruptedException {
    // given
    create("leased");
    api.send("POST", "/proxies/leased", "{\"enabled\": false, \"disabled_ttl\": 400}");

    // when
    Thread.sleep(200);
    HttpResponse<String> renewed = api.send("PATCH", "/proxies/leased", "{\"disabled_ttl\": 60000}");
    Thread.sleep(600);

    // then
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(get("leased")).contains("\"enabled\":false,\"disabled_ttl\":60000,");
  }

  @Test
  void should_stay_disabled_without_a_lease_when_the_lease_is_cleared() throws InterruptedException {
    // given
    create("leased");
    api.send("POST", "/proxies/leased", "{\"enabled\": false, \"disabled_ttl\": 300}");

    // when
    api.send("POST", "/proxies/leased", "{\"disabled_ttl\": 0}");
    Thread.sleep(700);

    // then
    assertThat(get("leased")).contains("\"enabled\":false,").doesNotContain("disabled_ttl");
  }

  @Test
  void should_keep_the_lease_when_an_update_does_not_mention_it() {
    // given
    create("leased");
    api.send("POST", "/proxies/leased", "{\"enabled\": false, \"disabled_ttl\": 500}");

    // when
    api.send("POST", "/proxies/leased", "{\"upstream\": \"" + echo.address() + "\", \"enabled\": false}");

    // then
    assertThat(get("leased")).contains("\"disabled_ttl\":500");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("leased")).contains("\"enabled\":true"));
  }

  @Test
  void should_clear_the_lease_when_the_proxies_are_reset() throws InterruptedException {
    // given
    create("leased");
    api.send("POST", "/proxies/leased", "{\"enabled\": false, \"disabled_ttl\": 300}");

    // when
    assertThat(api.send("POST", "/reset", null).statusCode()).isEqualTo(204);
    api.send("POST", "/proxies/leased", "{\"enabled\": false}");
    Thread.sleep(700);

    // then
    assertThat(get("leased")).contains("\"enabled\":false,").doesNotContain("disabled_ttl");
  }

  @Test
  void should_not_bring_a_deleted_proxy_back_when_its_lease_expires() throws InterruptedException {
    // given
    String listen = create("leased");
    api.send("POST", "/proxies/leased", "{\"enabled\": false, \"disabled_ttl\": 300}");

    // when
    assertThat(api.send("DELETE", "/proxies/leased", null).statusCode()).isEqualTo(204);
    Thread.sleep(700);

    // then
    assertThatThrownBy(() -> Sockets.connect(listen).close()).isInstanceOf(IOException.class);
  }

  @Test
  void should_lease_a_proxy_created_disabled_when_the_lease_is_given() {
    // when
    HttpResponse<String> created = api.send("POST", "/proxies", "{\"name\": \"leased\", \"upstream\": \""
        + echo.address() + "\", \"enabled\": false, \"disabled_ttl\": 300}");

    // then
    assertThat(created.body()).contains("\"enabled\":false,\"disabled_ttl\":300,");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("leased")).contains("\"enabled\":true"));
  }

  @Test
  void should_lease_a_populated_proxy_when_it_is_created_disabled() {
    // when
    HttpResponse<String> populated = api.send("POST", "/populate", "[{\"name\": \"leased\", \"upstream\": \""
        + echo.address() + "\", \"enabled\": false, \"disabled_ttl\": 60000}]");

    // then
    assertThat(populated.statusCode()).isEqualTo(201);
    assertThat(get("leased")).contains("\"enabled\":false,\"disabled_ttl\":60000,");
  }

  @Test
  void should_answer_400_naming_the_field_when_the_lease_is_negative() {
    // given
    create("p");

    // when
    HttpResponse<String> response = api.send("POST", "/proxies/p", "{\"enabled\": false, \"disabled_ttl\": -5}");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"bad request body: field 'disabled_ttl' must be >= 0 milliseconds, but was -5\",\"status\":400}");
    assertThat(get("p")).contains("\"enabled\":true");
  }

  @Test
  void should_answer_400_naming_the_field_when_the_lease_is_not_an_integer() {
    // given
    create("p");

    // when
    HttpResponse<String> response = api.send("POST", "/proxies/p", "{\"enabled\": false, \"disabled_ttl\": \"1s\"}");

    // then
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"bad request body: field 'disabled_ttl' must be an integer, but was \\\"1s\\\"\",\"status\":400}");
    assertThat(get("p")).contains("\"enabled\":true");
  }

  @Test
  void should_answer_400_when_the_lease_is_put_on_an_enabled_proxy() {
    // given
    create("p");

    // when
    HttpResponse<String> response = api.send("POST", "/proxies/p", "{\"disabled_ttl\": 1000}");

    // then
    assertThat(response.body()).isEqualTo("{\"error\":\"bad request body: field 'disabled_ttl' leases a disabled proxy,"
        + " but proxy 'p' would be enabled; send \\\"enabled\\\": false with it\",\"status\":400}");
  }

  @Test
  void should_refuse_connections_and_keep_the_port_from_others_when_disabled() throws IOException {
    // given: a proxy never connected to, so no TIME_WAIT socket holds its port
    String listen = create("held");
    int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));

    // when
    api.send("POST", "/proxies/held", "{\"enabled\": false}");

    // then
    try (ServerSocket other = new ServerSocket()) {
      other.setReuseAddress(false);
      assertThatThrownBy(() -> other.bind(new InetSocketAddress("127.0.0.1", port)))
          .isInstanceOf(BindException.class);
    }
    assertThatThrownBy(() -> Sockets.connect(listen).close())
        .isInstanceOf(IOException.class).hasMessageContaining("Connection refused");

    // when
    HttpResponse<String> enabled = api.send("POST", "/proxies/held", "{\"enabled\": true}");

    // then
    assertThat(enabled.statusCode()).isEqualTo(200);
    try (Socket socket = Sockets.connect(listen)) {
      Sockets.roundTripMillis(socket, new byte[] {1, 2, 3});
    }
  }

  @Test
  void should_keep_a_replaced_proxy_disabled_with_its_lease_when_populate_rolls_back() throws IOException {
    // given: 'down' disabled under a lease, then a batch that would replace it and fails on a taken port
    create("down");
    api.send("POST", "/proxies/down", "{\"enabled\": false, \"disabled_ttl\": 60000}");
    String downListen = server.registry().get("down").listen();
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String batch = "[{\"name\": \"down\", \"upstream\": \"127.0.0.1:1\"},"
          + " {\"name\": \"b\", \"upstream\": \"127.0.0.1:1\", \"listen\": \"127.0.0.1:" + taken.getLocalPort() + "\"}]";

      // when
      HttpResponse<String> response = api.send("POST", "/populate", batch);

      // then
      assertThat(response.statusCode()).isEqualTo(409);
    }
    assertThat(get("down")).contains("\"enabled\":false,\"disabled_ttl\":60000,")
        .contains("\"upstream\":\"" + echo.address() + "\"");
    assertThatThrownBy(() -> Sockets.connect(downListen).close())
        .isInstanceOf(IOException.class).hasMessageContaining("Connection refused");
  }

  @Test
  void should_restart_a_replaced_enabled_proxy_when_populate_rolls_back() throws IOException {
    // given
    String upListen = create("up");
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String batch = "[{\"name\": \"up\", \"upstream\": \"127.0.0.1:1\"},"
          + " {\"name\": \"b\", \"upstream\": \"127.0.0.1:1\", \"listen\": \"127.0.0.1:" + taken.getLocalPort() + "\"}]";

      // when
      api.send("POST", "/populate", batch);
    }

    // then
    assertThat(get("up")).contains("\"enabled\":true");
    try (Socket socket = Sockets.connect(upListen)) {
      Sockets.roundTripMillis(socket, new byte[] {1, 2, 3});
    }
  }

  private static String create(String name) {
    HttpResponse<String> created = api.send("POST", "/proxies",
        "{\"name\": \"" + name + "\", \"upstream\": \"" + echo.address() + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return server.registry().get(name).listen();
  }

  private static String get(String name) {
    return api.send("GET", "/proxies/" + name, null).body();
  }
}
