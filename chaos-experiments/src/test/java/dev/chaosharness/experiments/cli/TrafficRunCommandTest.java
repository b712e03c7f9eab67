package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficRunCommandTest {

  private final CliRunner cli = new CliRunner();
  @TempDir Path output;

  @Test
  void should_print_progress_and_json_results_when_run_succeeds() throws Exception {
    try (LocalOrderApi api = new LocalOrderApi()) {
      // when
      int exit = cli.run("traffic", "run", "--base-url", api.baseUrl().toString(), "--scenario", "place-order",
          "--rate", "10", "--duration", "3s", "--seed", "3", "--poll-interval", "20ms", "--no-report",
          "--output", output.toString(), "--json");
      // then
      assertThat(exit).as(cli.err.toString()).isZero();
      assertThat(cli.err.toString()).contains("traffic: ").contains("arrivals");
      JsonNode json = new ObjectMapper().readTree(cli.out.toString());
      assertThat(json.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(json.get("passed").asBoolean()).isTrue();
      assertThat(json.get("arrivals").asLong()).isBetween(27L, 33L);
      assertThat(json.get("requestsByOutcome").get("ok").asLong()).isEqualTo(2 * json.get("arrivals").asLong());
      assertThat(Path.of(json.get("trafficLog").asText())).isRegularFile();
    }
  }

  @Test
  void should_exit_2_naming_known_scenarios_when_scenario_is_unknown() {
    // when
    int exit = cli.run("traffic", "run", "--base-url", "http://127.0.0.1:1", "--scenario", "checkout",
        "--rate", "5", "--duration", "5s", "--output", output.toString());
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo(
        "harness: --scenario 'checkout' is unknown; known scenarios: [browse, place-order]" + System.lineSeparator());
  }

  @Test
  void should_exit_2_echoing_the_rate_when_rate_is_zero_or_negative() {
    // when
    int exit = cli.run("traffic", "run", "--base-url", "http://127.0.0.1:1", "--scenario", "browse",
        "--rate", "-3", "--duration", "5s", "--output", output.toString());
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo(
        "harness: Bad traffic option: rate must be within (0, 100000] per second, but was -3.0" + System.lineSeparator());
  }

  @Test
  void should_exit_3_in_one_line_and_write_nothing_when_target_is_unreachable() throws Exception {
    // when
    int exit = cli.run("traffic", "run", "--base-url", "http://127.0.0.1:1", "--scenario", "browse",
        "--rate", "5", "--duration", "5s", "--output", output.resolve("runs").toString());
    // then
    assertThat(exit).isEqualTo(3);
    assertThat(cli.err.toString()).isEqualTo("harness: Target http://127.0.0.1:1 is unreachable (Connection refused"
        + " connecting to 127.0.0.1:1 within 3000 ms); start the system or fix the base URL" + System.lineSeparator());
    assertThat(Files.exists(output.resolve("runs"))).isFalse();
  }

  @Test
  void should_exit_2_pointing_at_the_file_when_the_target_file_is_missing() {
    // given
    Path file = output.resolve("nope.yaml");
    // when
    int exit = cli.run("traffic", "run", "--target", file.toString(), "--scenario", "browse", "--rate", "5", "--duration", "5s");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("harness: " + file + ": the file does not exist" + System.lineSeparator());
  }

  @Test
  void should_exit_2_with_the_fix_when_no_target_is_given() {
    // when
    int exit = cli.run("traffic", "run", "--scenario", "browse", "--rate", "5", "--duration", "5s");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo(
        "harness: Missing the system to send traffic to: pass --base-url URL (or --target FILE)" + System.lineSeparator());
  }
}
