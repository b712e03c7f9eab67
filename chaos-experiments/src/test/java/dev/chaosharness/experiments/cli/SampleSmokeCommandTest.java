package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleSmokeCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    CommandLine cli = HarnessCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void should_print_usage_when_help_is_asked() {
    // when
    int exit = run("sample", "smoke", "--help");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: harness sample smoke").contains("--orders").contains("--target");
  }

  @Test
  void should_exit_2_naming_the_file_when_the_target_file_is_missing() {
    // given
    Path missing = dir.resolve("target.yaml");

    // when
    int exit = run("sample", "smoke", "--orders", "5", "--target", missing.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo("harness: " + missing + ": the file does not exist");
  }

  @Test
  void should_exit_2_when_the_target_has_no_order_service() throws Exception {
    // given
    Path file = dir.resolve("target.yaml");
    Files.writeString(file, "name: shop\nproduction: false\nservices:\n  - name: bff\n    baseUrl: http://127.0.0.1:1\n"
        + "kafka:\n  bootstrapServers: 127.0.0.1:2\n");

    // when
    int exit = run("sample", "smoke", "--orders", "5", "--target", file.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim())
        .isEqualTo("harness: Service 'order' is not in target 'shop'; known services: [bff]");
  }

  @Test
  void should_exit_2_when_the_target_has_no_kafka() throws Exception {
    // given
    Path file = dir.resolve("target.yaml");
    Files.writeString(file, "name: shop\nproduction: false\nservices:\n  - name: order\n    baseUrl: http://127.0.0.1:1\n");

    // when
    int exit = run("sample", "smoke", "--orders", "5", "--target", file.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo("harness: target file " + file + " has no kafka.bootstrapServers; "
        + "the smoke run watches orders.events for outcomes");
  }

  @Test
  void should_exit_2_echoing_the_value_when_the_order_count_is_zero() throws Exception {
    // given
    Path file = dir.resolve("target.yaml");
    Files.writeString(file, "name: shop\nproduction: false\nservices:\n  - name: order\n    baseUrl: http://127.0.0.1:1\n"
        + "kafka:\n  bootstrapServers: 127.0.0.1:2\n");

    // when
    int exit = run("sample", "smoke", "--orders", "0", "--target", file.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo("harness: orders must be at least 1, but was 0");
  }

  @Test
  void should_refuse_a_bad_order_count_before_starting_a_fresh_shop() {
    // when
    int exit = run("sample", "smoke", "--orders", "-3");

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo("harness: orders must be at least 1, but was -3");
  }

  @Test
  void should_start_a_fresh_shop_place_the_mix_and_stop_it_when_no_target_is_given() throws Exception {
    // when
    int exit = run("sample", "smoke", "--orders", "20", "--rate", "20");

    // then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("ready  order").contains("placing 20 orders");
    assertThat(out.toString().trim()).startsWith("{").contains("\"orders\":20").contains("\"stuck\":0");
  }
}
