package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticsCommandTest {

  private final CliRunner cli = new CliRunner();
  @TempDir Path output;

  @Test
  void should_refuse_with_the_fix_when_target_is_production_and_not_allowed() {
    // when
    int exit = cli.run("synthetics", "--base-url", "https://shop.example", "--production", "--once");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("harness: Target https://shop.example is marked production; synthetics"
        + " refuse to run against it unless production is allowed (--allow-production)" + System.lineSeparator());
  }

  @Test
  void should_refuse_when_the_target_file_says_production_and_not_allowed() throws Exception {
    // given
    Path file = output.resolve("target.yaml");
    java.nio.file.Files.writeString(file, "name: shop\nproduction: true\nservices:\n- name: order\n  baseUrl: https://shop.example\n");
    // when
    int exit = cli.run("synthetics", "--target", file.toString(), "--once");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("harness: Target https://shop.example is marked production; synthetics"
        + " refuse to run against it unless production is allowed (--allow-production)" + System.lineSeparator());
  }

  @Test
  void should_name_the_file_and_known_services_when_the_target_has_no_order_service() throws Exception {
    // given
    Path file = output.resolve("target.yaml");
    java.nio.file.Files.writeString(file, "name: shop\nproduction: false\nservices:\n- name: bff\n  baseUrl: http://127.0.0.1:1\n");
    // when
    int exit = cli.run("synthetics", "--target", file.toString(), "--once");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("harness: " + file + ": traffic needs the order API; Service 'order'"
        + " is not in target 'shop'; known services: [bff]" + System.lineSeparator());
  }

  @Test
  void should_exit_0_with_one_json_line_when_the_check_passes_once() throws Exception {
    try (LocalOrderApi api = new LocalOrderApi()) {
      // when
      int exit = cli.run("synthetics", "--base-url", api.baseUrl().toString(), "--once", "--rate", "5",
          "--duration", "2s", "--seed", "11", "--output", output.toString());
      // then
      assertThat(exit).as(cli.out + "\n" + cli.err).isZero();
      String[] lines = cli.out.toString().split("\\R");
      assertThat(lines).hasSize(1);
      JsonNode line = new ObjectMapper().readTree(lines[0]);
      assertThat(line.get("scenario").asText()).isEqualTo("place-order");
      assertThat(line.get("success").asBoolean()).isTrue();
      assertThat(line.get("seed").asLong()).isEqualTo(11);
      assertThat(line.get("requests").get("ok").asLong()).isGreaterThanOrEqualTo(16);
    }
  }

  @Test
  void should_exit_1_naming_the_cause_when_the_target_is_unreachable_once() throws Exception {
    // when
    int exit = cli.run("synthetics", "--base-url", "http://127.0.0.1:1", "--once", "--output", output.toString());
    // then
    assertThat(exit).isEqualTo(1);
    JsonNode line = new ObjectMapper().readTree(cli.out.toString());
    assertThat(line.get("success").asBoolean()).isFalse();
    assertThat(line.get("problems").get(0).asText()).isEqualTo("Target http://127.0.0.1:1 is unreachable"
        + " (Connection refused connecting to 127.0.0.1:1 within 3000 ms); start the system or fix the base URL");
  }
}
