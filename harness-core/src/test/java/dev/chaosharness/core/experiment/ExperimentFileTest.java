package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.target.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFileTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private InvalidFileException failure(String yaml) throws IOException {
    Path file = write("bad.yaml", yaml);
    try {
      ExperimentFile.read(file);
    } catch (InvalidFileException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidFileException for\n" + yaml);
  }

  @Test
  void should_read_every_field_when_the_file_uses_core_and_extensions() throws IOException {
    // given
    Path file = write("full.yaml", """
        title: Payment provider latency
        description: The shop rides out a slow card processor.
        tags: [payment, network]
        configuration:
          order_url: ${target.services.order.baseUrl}
          token: {type: env, key: SHOP_TOKEN, default: none}
        steady-state-hypothesis:
          title: Orders succeed
          probes:
            - type: probe
              name: order-healthy
              tolerance: 200
              provider: {type: http, url: "${order_url}/health", timeout: 3}
            - type: probe
              name: success-ratio
              tolerance: {type: range, range: [0.95, 1.0]}
              provider: {type: kpi, metric: requests.success_ratio, window: 5s}
        method:
          - type: action
            name: slow-provider
            provider: {type: fault, kind: latency, link: "payment->provider", latency: 800ms, jitter: 100ms}
            pauses: {before: 1, after: 500ms}
          - type: pause
            duration: 2s
          - type: action
            name: run-script
            provider: {type: process, path: /bin/true, arguments: "-a b"}
        rollbacks:
          - type: action
            name: notify
            provider: {type: http, url: "${order_url}/health", method: post, expected_status: [200, 204]}
        traffic: {scenario: place-order, rate: 20, warm-up: 10s, seed: 42}
        observe: 20s
        recover-timeout: 45s
        invariants: [no-loss, idempotency]
        goals: {time-to-detect: 10s, time-to-recover: 20s, impact-duration: 40s, success-ratio-during-fault: 0.5}
        abort: [{metric: requests.success_ratio, below: 0.1, for: 10s}]
        """);

    // when
    Experiment e = ExperimentFile.read(file);

    // then
    assertThat(e.title()).isEqualTo("Payment provider latency");
    assertThat(e.tags()).containsExactly("payment", "network");
    assertThat(e.configuration().get("token").envKey()).contains("SHOP_TOKEN");
    assertThat(e.hypothesis().orElseThrow().probes()).hasSize(2);
    assertThat(e.hypothesis().orElseThrow().probes().get(1).tolerance().orElseThrow().describe())
        .isEqualTo("range [0.95, 1]");
    assertThat(e.method()).extracting(Activity::name).containsExactly("slow-provider", "pause 2s", "run-script");
    assertThat(e.method().get(0).pauseBefore()).isEqualTo(Duration.ofSeconds(1));
    assertThat(e.method().get(0).pauseAfter()).isEqualTo(Duration.ofMillis(500));
    assertThat(((ProcessProvider) e.method().get(2).provider()).arguments()).containsExactly("-a", "b");
    assertThat(((HttpProvider) e.rollbacks().get(0).provider()).expectedStatus()).containsExactly(200, 204);
    assertThat(((HttpProvider) e.rollbacks().get(0).provider()).method()).isEqualTo("POST");
    assertThat(e.traffic().orElseThrow().rate()).isEqualTo(20.0);
    assertThat(e.traffic().orElseThrow().warmUp()).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.observe()).isEqualTo(Duration.ofSeconds(20));
    assertThat(e.recoverTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(e.invariants().orElseThrow().checkers()).containsExactly("no-loss", "idempotency");
    assertThat(e.goals()).extracting(Goal::target).containsExactly("<= 10s", "<= 20s", "<= 40s", ">= 0.5");
    assertThat(e.abort()).extracting(AbortCondition::toString)
        .containsExactly("requests.success_ratio below 0.1 for 10s");
    assertThat(e.faultActions()).hasSize(1);
  }

  @Test
  void should_read_a_chaos_toolkit_json_experiment_when_it_uses_http_and_process_providers() throws IOException {
    // given: a plain Chaos Toolkit experiment (JSON), with fields the harness ignores
    Path file = write("ctk.json", """
        {
          "version": "1.0.0",
          "title": "Service is up",
          "description": "n/a",
          "contributions": {"reliability": "high"},
          "steady-state-hypothesis": {
            "title": "up",
            "probes": [
              {"type": "probe", "name": "up", "tolerance": [200, 204],
               "provider": {"type": "http", "url": "http://127.0.0.1:1/health", "timeout": [1, 3]}},
              {"type": "probe", "name": "body", "tolerance": {"type": "jsonpath", "path": "$.status", "expect": "UP"},
               "provider": {"type": "http", "url": "http://127.0.0.1:1/health"}}
            ]
          },
          "method": [
            {"type": "action", "name": "echo", "provider": {"type": "process", "path": "echo", "arguments": ["hi"]},
             "pauses": {"after": 1}}
          ],
          "rollbacks": []
        }
        """);

    // when
    Experiment e = ExperimentFile.read(file);

    // then
    assertThat(e.title()).isEqualTo("Service is up");
    assertThat(((HttpProvider) e.hypothesis().orElseThrow().probes().get(0).provider()).timeout())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(e.method().get(0).pauseAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(e.observe()).isZero();
    assertThat(e.traffic()).isEmpty();
  }

  @Test
  void should_name_file_line_field_and_the_nearest_key_when_a_key_is_misspelt() throws IOException {
    // when
    InvalidFileException e = failure("""
        title: t
        method:
          - type: action
            name: a
            provider: {type: process, path: /bin/true}
            pauses: {befor: 1}
        """);

    // then
    assertThat(e).hasMessage(dir.resolve("bad.yaml") + ":6: field 'method[0].pauses.befor': unknown field; "
        + "did you mean 'before'? Known fields: [after, before]");
    assertThat(e.line()).isEqualTo(6);
  }

  @Test
  void should_suggest_the_nearest_top_level_key_when_one_is_misspelt() throws IOException {
    // when
    InvalidFileException e = failure("title: t\nmethod: []\nobsrve: 10s\n");

    // then
    assertThat(e.getMessage()).startsWith(dir.resolve("bad.yaml") + ":3: field 'obsrve': unknown field; "
        + "did you mean 'observe'? Known fields: [abort, configuration, ");
  }

  @Test
  void should_list_the_known_kinds_when_a_fault_kind_is_unknown() throws IOException {
    // when
    InvalidFileException e = failure("""
        title: t
        method:
          - type: action
            name: a
            provider: {type: fault, kind: latncy, link: x, latency: 1s}
        """);

    // then
    assertThat(e).hasMessage(dir.resolve("bad.yaml") + ":5: field 'method[0].provider.kind': unknown fault kind "
        + "'latncy'; did you mean 'latency'? known kinds: [bandwidth, http-delay, http-error, http-malformed, "
        + "http-reset, kill, latency, limit-data, link-down, pause, poison-event, reset-peer, restart, rewind-offsets, "
        + "slow-close, timeout]");
  }

  @Test
  void should_accept_a_new_fault_kind_when_it_is_registered_without_parser_changes() {
    // given
    FaultKinds kinds = FaultKinds.builtIn().with(new FaultKind() {
      @Override
      public String name() {
        return "poison-event";
      }

      @Override
      public java.util.Set<String> required() {
        return java.util.Set.of("topic");
      }

      @Override
      public java.util.Set<String> optional() {
        return java.util.Set.of();
      }

      @Override
      public dev.chaosharness.core.fault.Fault create(FaultSpec spec, FaultContext context) {
        throw new UnsupportedOperationException();
      }
    });

    // when
    Experiment e = ExperimentFile.parse(Path.of("x.yaml"), """
        title: t
        method:
          - {type: action, name: poison, provider: {type: fault, kind: poison-event, topic: orders.events}}
        """, kinds);

    // then
    FaultProvider provider = (FaultProvider) e.method().get(0).provider();
    assertThat(provider.spec().string("topic")).isEqualTo("orders.events");
  }

  @Test
  void should_reject_a_goal_shorter_than_the_sampling_interval() throws IOException {
    // when
    InvalidFileException e = failure("""
        title: t
        method:
          - {type: action, name: a, provider: {type: fault, kind: kill, process: kafka}}
        traffic: {scenario: place-order, rate: 5}
        sample-interval: 2s
        goals:
          time-to-recover: 1s
        """);

    // then
    assertThat(e).hasMessage(dir.resolve("bad.yaml") + ":7: field 'goals.time-to-recover': time-to-recover 1s is "
        + "shorter than the KPI sampling interval 2s, so it can never be measured as met; raise the goal or lower "
        + "sample-interval");
  }

  @Test
  void should_reject_impossible_goals_when_durations_are_not_positive_or_ratios_outside_zero_one() throws IOException {
    String head = """
        title: t
        method:
          - {type: action, name: a, provider: {type: fault, kind: kill, process: kafka}}
        traffic: {scenario: place-order, rate: 5}
        goals:
        """;

    // when / then
    assertThat(failure(head + "  time-to-detect: 0s\n")).hasMessage(dir.resolve("bad.yaml")
        + ":6: field 'goals.time-to-detect': must be a positive duration, but was 0ms");
    assertThat(failure(head + "  impact-duration: -5s\n")).hasMessage(dir.resolve("bad.yaml")
        + ":6: field 'goals.impact-duration': must be a positive duration, but was -5s");
    assertThat(failure(head + "  success-ratio-during-fault: 1.5\n")).hasMessage(dir.resolve("bad.yaml")
        + ":6: field 'goals.success-ratio-during-fault': must be a ratio within [0.0, 1.0], but was 1.5");
  }

  @Test
  void should_name_the_field_when_a_fault_value_is_bad() throws IOException {
    // when
    InvalidFileException e = failure("""
        title: t
        method:
          - type: action
            name: a
            provider: {type: fault, kind: latency, link: "payment->provider", latency: -800ms}
        """);

    // then
    assertThat(e).hasMessage(dir.resolve("bad.yaml") + ":5: field 'method[0].provider.latency': latency must not "
        + "be negative, but was PT-0.8S");
  }

  @Test
  void should_reject_an_unknown_configuration_reference() throws IOException {
    // when
    InvalidFileException e = failure("""
        title: t
        configuration: {order_url: http://127.0.0.1:1}
        method:
          - {type: action, name: a, provider: {type: http, url: "${ordr_url}/x"}}
        """);

    // then
    assertThat(e).hasMessage(dir.resolve("bad.yaml") + ":4: field 'method[0].provider.url': ${ordr_url} is not a "
        + "configuration key; did you mean ${order_url}? known keys: [order_url], or ${target.<path>} for the target "
        + "description");
  }

  @Test
  void should_reject_a_missing_title_and_an_unknown_invariant() throws IOException {
    assertThat(failure("method: []\n")).hasMessage(dir.resolve("bad.yaml") + ":1: missing required field 'title'");
    assertThat(failure("""
        title: t
        method: []
        traffic: {scenario: place-order, rate: 5}
        invariants: [no-los]
        """)).hasMessage(dir.resolve("bad.yaml") + ":4: field 'invariants[0]': unknown invariant 'no-los'; did you "
        + "mean 'no-loss'? Known invariants: [ordering, idempotency, no-loss, compensation] or all");
  }

  @Test
  void should_reject_a_kpi_probe_when_the_experiment_has_no_traffic() throws IOException {
    // when
    InvalidFileException e = failure("""
        title: t
        steady-state-hypothesis:
          probes:
            - type: probe
              name: ratio
              tolerance: {type: range, range: [0.9, 1]}
              provider: {type: kpi, metric: requests.success_ratio}
        method: []
        """);

    // then
    assertThat(e).hasMessage(dir.resolve("bad.yaml") + ":4: field 'steady-state-hypothesis.probes[0].provider': a kpi "
        + "probe reads the KPI timeline of the experiment's traffic, but the experiment has no 'traffic'; add traffic: "
        + "{scenario: place-order, rate: 10}");
  }

  @Test
  void should_name_the_line_when_yaml_is_malformed() throws IOException {
    // when
    InvalidFileException e = failure("title: t\nmethod: [\n");

    // then
    assertThat(e.getMessage()).startsWith(dir.resolve("bad.yaml") + ":");
    assertThat(e.getMessage()).contains("is not valid YAML");
  }

  @Test
  void should_read_a_classpath_resource() {
    // when
    Experiment e = ExperimentFile.readResource("dev/chaosharness/core/experiment/minimal.yaml");

    // then
    assertThat(e.source()).isEqualTo("classpath:dev/chaosharness/core/experiment/minimal.yaml");
    assertThat(e.method()).extracting(Activity::name).isEqualTo(List.of("wait"));
  }
}
