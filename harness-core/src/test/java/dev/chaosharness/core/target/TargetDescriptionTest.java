package dev.chaosharness.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetDescriptionTest {

  @TempDir Path dir;

  private static TargetDescription shop() {
    return new TargetDescription("sample-shop", false, "/tmp/run-1",
        List.of(new TargetDescription.Service("order", "http://127.0.0.1:8081",
            "http://127.0.0.1:8081/health", "http://127.0.0.1:8081/metrics")),
        new TargetDescription.Kafka("127.0.0.1:9092", List.of("orders.events")),
        List.of(new TargetDescription.Link("order->kafka", "127.0.0.1:7001", "127.0.0.1:9093")),
        "http://127.0.0.1:8474", null);
  }

  private Path file(String... lines) throws IOException {
    return Files.writeString(dir.resolve("target.yaml"), String.join("\n", lines));
  }

  @Test
  void should_read_back_same_description_when_written() {
    // given
    Path file = dir.resolve("sub/target.yaml");
    // when
    shop().write(file);
    // then
    assertThat(TargetDescription.read(file)).isEqualTo(shop());
  }

  @Test
  void should_write_readable_yaml_without_empty_fields() {
    assertThat(YamlInput.render(shop())).isEqualTo(String.join("\n",
        "name: sample-shop",
        "production: false",
        "workDir: /tmp/run-1",
        "services:",
        "- name: order",
        "  baseUrl: http://127.0.0.1:8081",
        "  healthUrl: http://127.0.0.1:8081/health",
        "  metricsUrl: http://127.0.0.1:8081/metrics",
        "kafka:",
        "  bootstrapServers: 127.0.0.1:9092",
        "  topics:",
        "  - orders.events",
        "links:",
        "- name: order->kafka",
        "  listen: 127.0.0.1:7001",
        "  upstream: 127.0.0.1:9093",
        "proxyApiUrl: http://127.0.0.1:8474",
        ""));
  }

  @Test
  void should_name_file_line_and_field_when_url_is_bad() throws IOException {
    // given
    Path file = file("name: shop", "production: false", "services:",
        "  - name: order", "    baseUrl: localhost:8081");
    // when / then
    assertThatThrownBy(() -> TargetDescription.read(file))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage(file + ":5: field 'services[0]': baseUrl must be an http(s) URL like "
            + "http://127.0.0.1:8080, but was 'localhost:8081'");
  }

  @Test
  void should_refuse_to_assume_when_production_flag_is_missing() throws IOException {
    // given
    Path file = file("name: shop", "services: []");
    // when / then
    assertThatThrownBy(() -> TargetDescription.read(file))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage(file + ":2: production must be true or false, but was missing "
            + "(say which kind of system this is)");
  }

  @Test
  void should_name_line_when_yaml_is_malformed() throws IOException {
    // given
    Path file = file("name: shop", "production: false", "services:", "\t- name: order");
    // when / then
    assertThatThrownBy(() -> TargetDescription.read(file))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage(file + ":4: is not valid YAML: found character '\\t(TAB)' that cannot "
            + "start any token. (Do not use \\t(TAB) for indentation)");
  }

  @Test
  void should_say_so_when_file_is_missing() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> TargetDescription.read(missing))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage(missing + ": the file does not exist");
  }

  @Test
  void should_list_known_services_when_service_is_unknown() {
    assertThatThrownBy(() -> shop().service("bff"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Service 'bff' is not in target 'sample-shop'; known services: [order]");
  }
}
