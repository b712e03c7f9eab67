package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.target.InvalidFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {

  private static final String HEAD = """
      title: Outage on payment->provider
      steady-state-hypothesis:
        title: orders succeed
        probes:
          - type: probe
            name: success-ratio
            tolerance: {type: range, range: [0.9, 1.0]}
            provider: {type: kpi, metric: requests.success_ratio, window: 600ms}
      traffic: {scenario: place-order, rate: 50, warm-up: 600ms}
      sample-interval: 200ms
      recover-timeout: 5s
      rollbacks:
        - {type: action, name: tidy-up, provider: {type: process, path: /bin/true}}
      """;

  @TempDir Path out;
  private final Clock clock = Clock.systemUTC();
  private final FakeTraffic traffic = new FakeTraffic(clock);
  private final FakeOutage outage = new FakeOutage(traffic);
  private final List<String> phases = new CopyOnWriteArrayList<>();
  private final List<List<String>> activeFaults = new CopyOnWriteArrayList<>();

  private Experiment experiment(String tail) {
    return ExperimentFile.parse(Path.of("outage.yaml"), HEAD + tail, outage.kinds());
  }

  private ExperimentRunner runner(RunListener extra) {
    return ExperimentRunner.builder().environment(FakeEnvironment.at("http://127.0.0.1:1")).traffic(traffic)
        .outputDirectory(out).clock(clock).listener(new RunListener() {
          @Override
          public void onPhase(Phase phase, Instant at) {
            phases.add(phase.jsonName());
            extra.onPhase(phase, at);
          }

          @Override
          public void onSample(KpiSample sample, List<String> faults) {
            activeFaults.add(faults);
          }
        }).build();
  }

  @Test
  void should_pass_and_revert_when_the_system_recovers_from_the_fault() {
    // given
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
        observe: 1s
        goals: {time-to-detect: 1s, time-to-recover: 2s, impact-duration: 4s, success-ratio-during-fault: 0.0}
        """);

    // when
    Journal journal = runner(RunListener.noop()).run(e);

    // then
    assertThat(journal.status()).as(journal.abortReason().orElse("")).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.passed()).as(journal.goals().toString()).isTrue();
    assertThat(outage.events).containsExactly("injected payment->provider", "reverted payment->provider");
    assertThat(journal.phases()).extracting(p -> p.phase().jsonName()).containsExactly("environment", "warm-up",
        "baseline", "inject", "observe", "revert", "recover", "drain-and-check", "report");
    assertThat(phases).containsExactly("environment", "warm-up", "baseline", "inject", "observe", "revert", "recover",
        "drain-and-check", "report");
    assertThat(journal.steadyStateBefore().orElseThrow().met()).isTrue();
    assertThat(journal.steadyStateAfter().orElseThrow().met()).isTrue();
    assertThat(journal.faults()).extracting(FaultWindow::fault).containsExactly("outage on payment->provider");
    assertThat(journal.recovery().orElseThrow().detectedAt()).isPresent();
    assertThat(journal.goals()).extracting(GoalResult::name).containsExactly("time-to-detect", "time-to-recover",
        "impact-duration", "success-ratio-during-fault");
    assertThat(journal.rollbacks()).extracting(ActivityResult::name).containsExactly("tidy-up");
    assertThat(activeFaults).contains(List.of("outage on payment->provider"));
    assertThat(out.resolve("journal.json")).exists();
  }

  @Test
  void should_fail_and_revert_every_fault_and_run_rollbacks_when_an_injection_throws() {
    // given
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
          - {type: action, name: cut-again, provider: {type: fault, kind: outage, link: "payment->provider", broken: "true"}}
        observe: 1s
        """);

    // when
    Journal journal = runner(RunListener.noop()).run(e);

    // then
    assertThat(journal.status()).isEqualTo(RunStatus.FAILED);
    assertThat(journal.abortReason()).contains("inject failed: fault action 'cut-again' could not be injected: "
        + "outage on payment->provider could not be injected: the link is gone");
    assertThat(outage.events).containsExactly("injected payment->provider", "failed payment->provider",
        "reverted payment->provider");
    assertThat(journal.rollbacks()).extracting(ActivityResult::succeeded).containsExactly(true);
    assertThat(journal.passed()).isFalse();
  }

  @Test
  void should_abort_and_roll_back_when_an_abort_condition_holds() {
    // given: the fault takes every request down and the floor is 50 %
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
        observe: 30s
        abort: [{metric: requests.success_ratio, below: 0.5, for: 400ms}]
        """);

    // when
    long started = System.nanoTime();
    Journal journal = runner(RunListener.noop()).run(e);

    // then
    assertThat(journal.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(journal.abortReason().orElseThrow())
        .startsWith("abort condition 'requests.success_ratio below 0.5 for 400ms' held for 2 sample(s) of 200ms");
    assertThat(outage.events).containsExactly("injected payment->provider", "reverted payment->provider");
    assertThat(journal.rollbacks()).extracting(ActivityResult::name).containsExactly("tidy-up");
    assertThat(System.nanoTime() - started).as("halted long before observe's 30 s").isLessThan(20_000_000_000L);
    assertThat(journal.phases()).extracting(PhaseSpan::phase).endsWith(Phase.OBSERVE, Phase.REVERT, Phase.REPORT)
        .doesNotContain(Phase.RECOVER);
  }

  @Test
  void should_end_interrupted_and_roll_back_when_the_running_thread_is_interrupted() throws Exception {
    // given
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
        observe: 30s
        """);
    AtomicReference<Journal> journal = new AtomicReference<>();
    AtomicReference<Thread> runnerThread = new AtomicReference<>();
    ExperimentRunner runner = runner(new RunListener() {
      @Override
      public void onPhase(Phase phase, Instant at) {
        if (phase == Phase.OBSERVE) {
          runnerThread.get().interrupt();
        }
      }
    });
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      journal.set(runner.run(e));
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    runnerThread.set(thread);

    // when
    thread.start();
    thread.join(20_000);

    // then
    assertThat(journal.get().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(journal.get().abortReason()).contains("the running thread was interrupted during observe");
    assertThat(stillInterrupted.get()).as("the interrupt is kept for the caller").isTrue();
    assertThat(out.resolve("journal.json")).exists();
    assertThat(outage.events).containsExactly("injected payment->provider", "reverted payment->provider");
    assertThat(journal.get().rollbacks()).extracting(ActivityResult::succeeded).containsExactly(true);
  }

  @Test
  void should_be_deviated_and_inject_nothing_when_the_baseline_fails() {
    // given: every request fails from the start
    traffic.healthy = false;
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
        observe: 1s
        """);

    // when
    Journal journal = runner(RunListener.noop()).run(e);

    // then
    assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.deviated()).isTrue();
    assertThat(journal.passed()).isFalse();
    assertThat(journal.steadyStateBefore().orElseThrow().met()).isFalse();
    assertThat(journal.run()).isEmpty();
    assertThat(outage.events).isEmpty();
    assertThat(journal.rollbacks()).extracting(ActivityResult::name).containsExactly("tidy-up");
    assertThat(journal.abortReason()).contains("the steady-state hypothesis was not met before the method; "
        + "nothing was injected");
  }

  @Test
  void should_inject_when_a_settling_system_meets_the_hypothesis_within_one_more_warm_up() throws Exception {
    // given: requests fail for the warm-up and a little longer, then succeed
    traffic.healthy = false;
    Thread settles = new Thread(() -> {
      try {
        Thread.sleep(900);
        traffic.healthy = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    settles.start();
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
        observe: 1s
        """);

    // when
    Journal journal = runner(RunListener.noop()).run(e);
    settles.join();

    // then
    assertThat(journal.steadyStateBefore().orElseThrow().met()).as("%s", journal).isTrue();
    assertThat(journal.run()).hasSize(1);
  }

  /** The outage, kept in 400 ms, with a 1 s recover timeout and the goal {@code time-to-recover: limit}. */
  private Experiment outageWithRecoveryGoal(String limit) {
    return ExperimentFile.parse(Path.of("outage.yaml"), (HEAD + """
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
        observe: 400ms
        goals: {time-to-recover: %s}
        """.formatted(limit)).replace("recover-timeout: 5s", "recover-timeout: 1s"), outage.kinds());
  }

  /** Breaks the system as the recover phase begins; it heals after {@code heal}, or never when null. */
  private RunListener breakingAsItRecovers(Duration heal) {
    return new RunListener() {
      @Override
      public void onPhase(Phase phase, Instant at) {
        if (phase != Phase.RECOVER) {
          return;
        }
        traffic.healthy = false;
        if (heal != null) {
          new Thread(() -> {
            try {
              Thread.sleep(heal.toMillis());
              traffic.healthy = true;
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          }).start();
        }
      }
    };
  }

  @Test
  void should_be_deviated_and_miss_the_recovery_goal_when_the_system_never_recovers() {
    // given: a fault whose revert does not bring the system back (the system breaks again as it recovers)
    Experiment e = outageWithRecoveryGoal("2s");
    ExperimentRunner runner = runner(breakingAsItRecovers(null));

    // when
    Journal journal = runner.run(e);

    // then
    assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.deviated()).isTrue();
    assertThat(journal.goals()).containsExactly(new GoalResult("time-to-recover", "<= 2s", "never recovered", false));
    assertThat(journal.passed()).isFalse();
  }

  @Test
  void should_wait_past_the_recover_timeout_for_a_recovery_that_meets_the_goal() {
    // given: the system comes back 1.5 s into the recover phase, after its 1 s timeout but within the 3 s goal
    Experiment e = outageWithRecoveryGoal("3s");
    ExperimentRunner runner = runner(breakingAsItRecovers(Duration.ofMillis(1500)));

    // when
    Journal journal = runner.run(e);

    // then
    assertThat(e.recoverWait()).isEqualTo(Duration.ofMillis(3600));
    assertThat(journal.deviated()).as("%s", journal).isFalse();
    assertThat(journal.goals()).singleElement().satisfies(g -> assertThat(g.met()).as("%s", g).isTrue());
    assertThat(journal.passed()).isTrue();
  }

  @Test
  void should_wait_in_the_baseline_for_a_metric_the_system_creates_late() throws Exception {
    // given: the service's saga counter appears 2.5 s after start, past the warm-up and one more
    try (LateCounterEndpoint service = LateCounterEndpoint.start(Duration.ofMillis(2500))) {
      Experiment e = ExperimentFile.parse(Path.of("late.yaml"), HEAD.replace("  probes:\n", "  probes:\n"
          + "    - type: probe\n"
          + "      name: sagas-complete\n"
          + "      tolerance: {type: range, range: [0.5, 1000.0]}\n"
          + "      provider: {type: kpi, metric: \"order:saga_completed_total.rate\", window: 600ms}\n") + """
          method:
            - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}}
          observe: 400ms
          """, outage.kinds());
      ExperimentRunner runner = ExperimentRunner.builder().environment(FakeEnvironment.withMetrics(service.baseUrl()))
          .traffic(traffic).outputDirectory(out).clock(clock).build();

      // when
      Journal journal = runner.run(e);

      // then
      assertThat(journal.steadyStateBefore().orElseThrow().met()).as("%s", journal).isTrue();
      assertThat(journal.run()).hasSize(1);
    }
  }

  @Test
  void should_name_file_line_and_field_when_a_link_is_not_in_the_target_before_anything_starts() {
    // given
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->providr"}}
        """);

    // when / then
    String message = "outage.yaml:15: field 'method[0].provider.link': link 'payment->providr' is not in target "
        + "'fake-shop'; did you mean 'payment->provider'? known links: [payment->provider]";
    assertThatThrownBy(() -> runner(RunListener.noop()).plan(e)).isInstanceOf(InvalidFileException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> runner(RunListener.noop()).run(e)).isInstanceOf(InvalidFileException.class)
        .hasMessage(message);
    assertThat(outage.events).isEmpty();
    assertThat(phases).isEmpty();
  }

  @Test
  void should_name_the_process_when_it_is_not_a_process_of_the_environment() {
    // given
    Experiment e = experiment("""
        method:
          - {type: action, name: crash, provider: {type: fault, kind: kill, process: kafka}}
        """);

    // when / then
    assertThatThrownBy(() -> runner(RunListener.noop()).plan(e)).hasMessage("outage.yaml:15: field "
        + "'method[0].provider.process': process 'kafka' is not a process of the environment; known processes: []");
  }

  @Test
  void should_describe_every_phase_when_planning() {
    // given
    Experiment e = experiment("""
        method:
          - {type: action, name: cut, provider: {type: fault, kind: outage, link: "payment->provider"}, pauses: {after: 1s}}
        observe: 20s
        """);

    // when
    String plan = runner(RunListener.noop()).plan(e);

    // then
    assertThat(plan).isEqualTo("""
        Experiment: Outage on payment->provider (outage.yaml)
        Target: fake-shop
        environment      check that the target's services answer their health endpoints
        warm-up          traffic place-order at 50/s (constant, seed 1) to order for 600ms
        baseline         hypothesis 'orders succeed': [success-ratio (requests.success_ratio over 600ms, tolerance range [0.9, 1])]
        inject          \s
            action cut: outage {link=payment->provider} pause after 1s
        observe          keep the faults in for 20s
        revert           revert every fault; rollbacks: [tidy-up]
        recover          wait up to 5s for the steady state; check the hypothesis again
        drain-and-check  stop traffic
        report           journal.json
        """);
    assertThat(outage.events).isEmpty();
  }

  @Test
  void should_run_a_plain_chaos_toolkit_experiment_without_traffic() throws Exception {
    // given: a health endpoint and a marker file the method creates
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", exchange -> {
      byte[] body = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    Path marker = out.resolve("marker");
    Experiment e = ExperimentFile.parse(Path.of("ctk.yaml"), """
        title: ctk
        configuration:
          marker: %s
          greeting: {type: env, key: GREETING, default: hello}
        steady-state-hypothesis:
          title: true works
          probes:
            - {type: probe, name: ok, tolerance: 0, provider: {type: process, path: /bin/true}}
            - {type: probe, name: up, tolerance: 200, provider: {type: http, url: "${target.services.order.baseUrl}/health"}}
            - {type: probe, name: body, tolerance: {type: jsonpath, path: $.status, expect: UP}, provider: {type: http, url: "${target.services.order.baseUrl}/health"}}
            - {type: probe, name: echo, tolerance: {type: regex, pattern: "^hi"}, provider: {type: process, path: /bin/echo, arguments: "${greeting}"}}
        method:
          - {type: action, name: touch, provider: {type: process, path: /usr/bin/touch, arguments: "${marker}"}}
        rollbacks:
          - {type: action, name: fail, provider: {type: process, path: /bin/false}}
        """.formatted(marker), FaultKinds.builtIn());
    ExperimentRunner runner = ExperimentRunner.builder().environment(FakeEnvironment.at(baseUrl))
        .environmentVariables(java.util.Map.of("GREETING", "hi there")).outputDirectory(out).build();

    // when
    Journal journal;
    try {
      journal = runner.run(e);
    } finally {
      server.stop(0);
    }

    // then
    assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.passed()).as(journal.toString()).isTrue();
    assertThat(Files.exists(marker)).isTrue();
    assertThat(journal.steadyStateBefore().orElseThrow().probes()).extracting(ProbeResult::value)
        .containsExactly("exit 0", "status 200, body {\"status\":\"UP\"}", "status 200, body {\"status\":\"UP\"}",
            "exit 0, stdout hi there");
    assertThat(journal.rollbacks().get(0).error()).contains("exit code 1");
    assertThat(journal.timeline().samples()).isEmpty();
  }
}
