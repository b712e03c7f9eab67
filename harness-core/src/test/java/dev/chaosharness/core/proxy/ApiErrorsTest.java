package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets Toxiproxy's status and error body, naming the field; the server keeps serving. */
class ApiErrorsTest {

  static FaultProxy server;
  static ApiClient api;

  @BeforeAll
  static void start() {
    server = FaultProxy.start(FaultProxyConfig.ofDefaults());
    api = new ApiClient(server.apiUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void serverStillServes() {
    assertThat(api.send("GET", "/version", null).statusCode()).isEqualTo(200);
    server.registry().closeAll();
  }

  @Test
  void should_answer_400_when_the_json_is_malformed() {
    // when
    HttpResponse<String> response = api.send("POST", "/proxies", "{\"name\": ");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"error\":\"bad request body: malformed JSON: ").endsWith(",\"status\":400}");
  }

  @Test
  void should_answer_400_naming_the_field_when_the_name_is_missing() {
    // when
    HttpResponse<String> response = api.send("POST", "/proxies", "{\"upstream\": \"127.0.0.1:1\"}");

    // then
    assertThat(response.body()).isEqualTo("{\"error\":\"missing required field: name\",\"status\":400}");
  }

  @Test
  void should_answer_400_when_the_toxic_type_is_unknown() {
    // given
    create("p");

    // when
    HttpResponse<String> response = api.send("POST", "/proxies/p/toxics", "{\"type\": \"lag\"}");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"invalid toxic type: 'lag'; known types: "
        + "[latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data]\",\"status\":400}");
  }

  @Test
  void should_answer_400_naming_the_attribute_when_its_type_is_wrong() {
    // given
    create("p");

    // when
    HttpResponse<String> response = api.send("POST", "/proxies/p/toxics",
        "{\"type\": \"latency\", \"attributes\": {\"latency\": \"slow\"}}");

    // then
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"bad request body: attribute 'latency' must be an integer, but was \\\"slow\\\"\",\"status\":400}");
  }

  @Test
  void should_answer_400_when_the_toxicity_is_out_of_range() {
    // given
    create("p");

    // when
    HttpResponse<String> response = api.send("POST", "/proxies/p/toxics", "{\"type\": \"latency\", \"toxicity\": 1.5}");

    // then
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"bad request body: toxicity must be within [0.0, 1.0], but was 1.5\",\"status\":400}");
  }

  @Test
  void should_answer_400_when_the_stream_is_invalid() {
    // given
    create("p");

    // when
    HttpResponse<String> response = api.send("POST", "/proxies/p/toxics", "{\"type\": \"latency\", \"stream\": \"sideways\"}");

    // then
    assertThat(response.body()).isEqualTo("{\"error\":\"stream was invalid, can be either upstream or downstream, "
        + "but was 'sideways'\",\"status\":400}");
  }

  @Test
  void should_answer_409_when_the_proxy_or_toxic_already_exists() {
    // given
    create("p");
    api.send("POST", "/proxies/p/toxics", "{\"type\": \"latency\"}");

    // when
    HttpResponse<String> proxy = api.send("POST", "/proxies", "{\"name\": \"p\", \"upstream\": \"127.0.0.1:1\"}");
    HttpResponse<String> toxic = api.send("POST", "/proxies/p/toxics", "{\"type\": \"latency\"}");

    // then
    assertThat(proxy.body()).isEqualTo("{\"error\":\"proxy already exists: p\",\"status\":409}");
    assertThat(toxic.body()).isEqualTo("{\"error\":\"toxic already exists: latency_downstream\",\"status\":409}");
  }

  @Test
  void should_answer_404_when_the_proxy_or_toxic_is_unknown() {
    // given
    create("p");

    // when
    HttpResponse<String> proxy = api.send("GET", "/proxies/nope", null);
    HttpResponse<String> toxic = api.send("DELETE", "/proxies/p/toxics/nope", null);

    // then
    assertThat(proxy.body()).isEqualTo("{\"error\":\"proxy not found: nope; known proxies: [p]\",\"status\":404}");
    assertThat(toxic.body()).isEqualTo("{\"error\":\"toxic not found: nope; known toxics: []\",\"status\":404}");
  }

  @Test
  void should_answer_409_naming_the_listen_address_when_the_port_is_in_use() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // when
      HttpResponse<String> response = api.send("POST", "/proxies",
          "{\"name\": \"p\", \"upstream\": \"127.0.0.1:1\", \"listen\": \"127.0.0.1:" + taken.getLocalPort() + "\"}");

      // then
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.body()).startsWith("{\"error\":\"listen 127.0.0.1:" + taken.getLocalPort()
          + " for proxy 'p' failed: ").contains("choose another listen address or port 0 for a free one");
      assertThat(api.send("GET", "/proxies/p", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void should_keep_serving_on_the_old_address_when_moving_to_a_port_in_use() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // given
      create("p");
      String before = server.registry().get("p").listen();

      // when
      HttpResponse<String> response = api.send("PATCH", "/proxies/p",
          "{\"listen\": \"127.0.0.1:" + taken.getLocalPort() + "\"}");

      // then
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(server.registry().get("p").listen()).isEqualTo(before);
      assertThat(server.registry().get("p").enabled()).isTrue();
    }
  }

  @Test
  void should_answer_400_when_the_listen_address_has_no_port() {
    // when
    HttpResponse<String> response = api.send("POST", "/proxies", "{\"name\": \"p\", \"upstream\": \"localhost\"}");

    // then
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"bad request body: upstream must be host:port, but was 'localhost'\",\"status\":400}");
  }

  @Test
  void should_create_nothing_when_one_toxic_of_a_new_proxy_is_invalid() {
    // when
    HttpResponse<String> response = api.send("POST", "/proxies", "{\"name\": \"p\", \"upstream\": \"127.0.0.1:1\","
        + " \"toxics\": [{\"type\": \"latency\"}, {\"type\": \"nope\"}]}");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(api.send("GET", "/proxies/p", null).statusCode()).isEqualTo(404);
  }

  @Test
  void should_keep_the_registry_unchanged_when_populate_fails_halfway() throws IOException {
    // given
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String batch = "[{\"name\": \"a\", \"upstream\": \"127.0.0.1:1\"},"
          + " {\"name\": \"b\", \"upstream\": \"127.0.0.1:1\", \"listen\": \"127.0.0.1:" + taken.getLocalPort() + "\"}]";

      // when
      HttpResponse<String> response = api.send("POST", "/populate", batch);

      // then
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(api.send("GET", "/proxies", null).body()).isEqualTo("{}");
    }
  }

  @Test
  void should_create_every_proxy_with_its_toxics_when_populated() {
    // when
    HttpResponse<String> response = api.send("POST", "/populate", "[{\"name\": \"a\", \"upstream\": \"127.0.0.1:1\","
        + " \"toxics\": [{\"type\": \"latency\", \"attributes\": {\"latency\": 5}}]}, {\"name\": \"b\", \"upstream\": \"127.0.0.1:2\"}]");

    // then
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).startsWith("{\"proxies\":[{\"name\":\"a\"").contains("\"latency\":5");
  }

  @Test
  void should_refuse_browsers_when_the_user_agent_is_mozilla() throws Exception {
    // when
    var request = java.net.http.HttpRequest.newBuilder(server.apiUrl().resolve("/proxies"))
        .header("User-Agent", "Mozilla/5.0").build();
    var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("User agent not allowed\n");
  }

  private static void create(String name) {
    assertThat(api.send("POST", "/proxies", "{\"name\": \"" + name + "\", \"upstream\": \"127.0.0.1:1\"}").statusCode())
        .isEqualTo(201);
  }
}
