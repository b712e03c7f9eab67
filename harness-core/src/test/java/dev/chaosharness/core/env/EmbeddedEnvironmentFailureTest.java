package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.target.YamlInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEnvironmentFailureTest {

  @TempDir Path workDir;

  /** An environment of one {@link TestServiceMain} called {@code name}, with {@code defects} and extra topology lines. */
  private EmbeddedEnvironmentConfig oneTestService(String name, String defects, String... lines) {
    String yaml = String.join("\n", "name: " + name, "services:", "  - name: " + name,
        "    main: dev.chaosharness.core.env.TestServiceMain", String.join("\n", lines));
    Topology topology = YamlInput.parse(Path.of("inline.yaml"), yaml, Topology.class);
    return EmbeddedEnvironmentConfig.builder().topology(topology).workDir(workDir).defects(name, defects).build();
  }

  @Test
  void should_name_component_and_log_and_leave_nothing_running_when_service_fails_to_start() {
    // given
    EmbeddedEnvironmentConfig config = oneTestService("crasher", "crash-on-start", "    kafka: true");
    // when / then
    assertThatThrownBy(() -> EmbeddedEnvironment.start(config))
        .isInstanceOf(ComponentFailedException.class)
        .hasMessage("component 'crasher' exited with code 3 before it was ready; last log line: "
            + "crasher: crashing on purpose; log: " + workDir.resolve("logs/crasher.log"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
            .map(p -> p.info().commandLine().orElse("?")))
        .as("processes left running")
        .allMatch(command -> command.contains("trap '' INT HUP TERM"))); // only the watchdog
  }

  @Test
  void should_start_a_service_again_when_it_exits_before_it_is_ready() throws Exception {
    // given
    EmbeddedEnvironmentConfig config = oneTestService("flaky", "crash-on-first-start");
    // when
    try (EmbeddedEnvironment env = EmbeddedEnvironment.start(config)) {
      // then
      assertThat(env.components()).extracting(Component::name).contains("flaky");
      assertThat(Files.readString(workDir.resolve("logs/flaky.log")))
          .contains("flaky: crashing on the first start").contains("flaky: serving on");
    }
  }
}
