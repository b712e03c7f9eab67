package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.target.YamlInput;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEnvironmentFailureTest {

  @TempDir Path workDir;

  @Test
  void should_name_component_and_log_and_leave_nothing_running_when_service_fails_to_start() {
    // given
    Topology topology = YamlInput.parse(Path.of("inline.yaml"), String.join("\n",
        "name: broken",
        "services:",
        "  - name: crasher",
        "    main: dev.chaosharness.core.env.TestServiceMain",
        "    kafka: true"), Topology.class);
    EmbeddedEnvironmentConfig config = EmbeddedEnvironmentConfig.builder()
        .topology(topology).workDir(workDir).defects("crasher", "crash-on-start").build();
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
}
