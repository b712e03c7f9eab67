package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProxyCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine(ProxyCommand command) {
    return new CommandLine(command)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  @Test
  void should_serve_the_toxiproxy_api_until_stopped_when_run() throws Exception {
    // given
    ProxyCommand command = new ProxyCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> commandLine(command).execute("--port", "0", "--seed", "42"));

    // when
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!out.toString().contains("Ctrl-C") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Matcher url = Pattern.compile("on (http://\\S+) \\(seed 42\\)").matcher(out.toString());
    assertThat(url.find()).isTrue();
    HttpResponse<String> version = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url.group(1) + "/version")).build(), HttpResponse.BodyHandlers.ofString());
    command.stop.countDown();

    // then
    assertThat(version.body()).contains("\"version\"");
    assertThat(exit.get()).isZero();
  }

  @Test
  void should_exit_2_naming_the_option_when_the_port_is_out_of_range() {
    // when
    int exit = commandLine(new ProxyCommand()).execute("--port", "70000");

    // then
    assertThat(exit).isEqualTo(HarnessCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("harness: harness proxy: port must be within [0, 65535], but was 70000");
  }

  @Test
  void should_exit_2_with_the_fix_when_the_port_is_in_use() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // when
      int exit = commandLine(new ProxyCommand()).execute("--port", String.valueOf(taken.getLocalPort()));

      // then
      assertThat(exit).isEqualTo(HarnessCommand.EXIT_USAGE);
      assertThat(err.toString()).contains("harness: Fault proxy API could not listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("choose another --port (0 picks a free one)");
    }
  }

  @Test
  void should_print_usage_when_help_is_asked() {
    // when
    int exit = HarnessCommand.commandLine().setOut(new PrintWriter(out, true)).execute("proxy", "--help");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Toxiproxy-compatible").contains("--seed");
  }
}
