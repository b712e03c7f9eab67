package dev.chaosharness.core.experiment;

import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.fault.FaultException;
import dev.chaosharness.core.fault.FaultLedger;
import dev.chaosharness.core.fault.FaultTarget;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import dev.chaosharness.core.traffic.TrafficLog;
import dev.chaosharness.core.traffic.TrafficResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of one experiment, phase by phase; used by the thread that called {@link ExperimentRunner#run}. */
final class RunSession {

  private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);
  private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

  private final Experiment e;
  private final RunSettings s;
  private final RunControl control = new RunControl(Thread.currentThread());
  private final ActivityExecutor executor;
  private final Health health;
  private final List<PhaseSpan> phases = new ArrayList<>();
  private final List<ActivityResult> run = new ArrayList<>();
  private final List<ActivityResult> rollbacks = new ArrayList<>();
  private Phase phase;
  private Instant phaseStart;
  private Capture capture = new Capture();
  private FaultLedger ledger;
  private volatile boolean armed;
  private boolean reverted;
  private Instant revertedAt;
  private RunStatus status = RunStatus.COMPLETED;
  private boolean deviated;
  private String reason;
  private Optional<HypothesisResult> before = Optional.empty();
  private Optional<HypothesisResult> after = Optional.empty();
  private Optional<TrafficResult> trafficResult = Optional.empty();
  private Optional<Verdict> verdict = Optional.empty();

  RunSession(Experiment experiment, RunSettings settings, Substitution substitution) {
    this.e = experiment;
    this.s = settings;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.executor = new ActivityExecutor(substitution, client, s.clock(), () -> ledger,
        new FaultContext(s.environment(), s.clock()), () -> capture.timeline().orElse(null));
    this.health = new Health(client);
  }

  Journal run() {
    Instant start = s.clock().instant();
    ShutdownGuard guard = new ShutdownGuard(control, SHUTDOWN_WAIT).install();
    try {
      phases();
    } catch (InterruptedException interrupted) {
      halted();
    } catch (RuntimeException failure) {
      if (control.abortReason().isPresent() || control.interruptReason().isPresent()) {
        halted();
      } else {
        LOG.warn("Experiment '{}' failed in phase {}", e.title(), phase, failure);
        failed(phase.jsonName() + " failed: " + (failure.getMessage() == null ? failure : failure.getMessage()));
      }
    } finally {
      cleanUp();
    }
    Thread.interrupted(); // the journal is written without an interrupt pending (interruptible file channels)
    try {
      return report(start);
    } finally {
      if (status == RunStatus.INTERRUPTED && control.interruptReason().isEmpty()) {
        Thread.currentThread().interrupt(); // the caller's interrupt, kept for the caller
      }
      guard.close();
    }
  }

  private void phases() throws InterruptedException {
    enter(Phase.ENVIRONMENT);
    health.check(s.environment().target(), s.healthTimeout());
    enter(Phase.WARM_UP);
    capture = Capture.start(e, s, control, this::activeFaults, () -> armed);
    RunControl.sleep(e.traffic().map(TrafficSpec::warmUp).orElse(Duration.ZERO));
    enter(Phase.BASELINE);
    awaitKpiData();
    before = settledHypothesis();
    if (before.isPresent() && !before.get().met()) {
      deviated = true;
      reason = "the steady-state hypothesis was not met before the method; nothing was injected";
      enter(Phase.REVERT);
      revert();
      return;
    }
    enter(Phase.INJECT);
    armed = true;
    ledger = FaultLedger.open(faultTarget());
    for (Activity activity : e.method()) {
      ActivityResult result = executor.execute(activity).result();
      run.add(result);
      s.listener().onActivity(result);
      checkpoint();
      if (!result.succeeded() && activity.provider() instanceof FaultProvider) {
        throw new IllegalStateException("fault action '" + activity.name() + "' could not be injected: "
            + result.error().orElse(""));
      }
    }
    enter(Phase.OBSERVE);
    RunControl.sleep(e.observe());
    armed = false;
    enter(Phase.REVERT);
    revert();
    enter(Phase.RECOVER);
    recover();
    enter(Phase.DRAIN_AND_CHECK);
    drainAndCheck();
  }

  private void enter(Phase next) throws InterruptedException {
    checkpoint();
    begin(next);
  }

  private void begin(Phase next) {
    Instant now = s.clock().instant();
    closePhase(now);
    phase = next;
    phaseStart = now;
    LOG.info("Experiment '{}': {}", e.title(), next.jsonName());
    s.listener().onPhase(next, now);
  }

  private void closePhase(Instant now) {
    if (phase != null) {
      phases.add(new PhaseSpan(phase, phaseStart, now));
    }
  }

  private void checkpoint() throws InterruptedException {
    if (Thread.interrupted() || control.abortReason().isPresent() || control.interruptReason().isPresent()) {
      throw new InterruptedException("run halted");
    }
  }

  private void halted() {
    if (control.abortReason().isPresent()) {
      status = RunStatus.ABORTED;
      reason = control.abortReason().get();
    } else {
      status = RunStatus.INTERRUPTED;
      reason = control.interruptReason().orElse("the running thread was interrupted") + " during "
          + (phase == null ? "start" : phase.jsonName());
    }
  }

  private void failed(String why) {
    if (status == RunStatus.COMPLETED) {
      status = RunStatus.FAILED;
      reason = why;
    } else {
      reason = reason + "; " + why;
    }
  }

  private FaultTarget faultTarget() {
    FaultTarget.Builder target = FaultTarget.builder();
    String proxy = s.environment().target().proxyApiUrl();
    if (proxy != null) {
      target.toxiproxy(URI.create(proxy));
    }
    if (s.environment().target().kafka() != null) {
      target.kafka(s.environment().target().kafka().bootstrapServers());
    }
    s.httpDependencies().forEach(target::httpDependency);
    for (Activity action : e.faultActions()) {
      FaultProvider fault = (FaultProvider) action.provider();
      FaultKind.Subject subject = fault.kind().subject(fault.spec());
      if (subject.type().equals("process")) {
        s.environment().process(subject.name()).ifPresent(target::process);
      }
    }
    return target.build();
  }

  /** The faults in place now; read by the sample watcher without waiting for an injection in progress. */
  private List<String> activeFaults() {
    return executor.faults().stream().filter(TimedFault::active).map(TimedFault::describe).toList();
  }

  /**
   * Waits until each KPI probe's window holds traffic and its metric has data (a counter a system
   * creates on its first event may not exist yet), at most 30 s past the warm-up.
   */
  private void awaitKpiData() throws InterruptedException {
    Optional<Timeline> timeline = capture.timeline();
    if (timeline.isEmpty()) {
      return;
    }
    List<KpiProvider> kpis = e.hypothesis().map(Hypothesis::probes).orElse(List.of()).stream()
        .map(Activity::provider).filter(KpiProvider.class::isInstance).map(KpiProvider.class::cast).toList();
    Duration window = Duration.ofSeconds(1);
    for (KpiProvider kpi : kpis) {
      window = kpi.window().compareTo(window) > 0 ? kpi.window() : window;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).plus(window).toNanos();
    while (!hasKpiData(timeline.get(), kpis, window) && System.nanoTime() < deadline) {
      RunControl.sleep(e.sampleInterval().dividedBy(4));
    }
  }

  private boolean hasKpiData(Timeline timeline, List<KpiProvider> kpis, Duration window) {
    int needed = KpiWindow.samples(window, e.sampleInterval());
    return KpiWindow.hasTraffic(KpiWindow.last(timeline, window), needed) && kpis.stream()
        .noneMatch(kpi -> Double.isNaN(KpiWindow.read(timeline, kpi)));
  }

  /**
   * Checks the hypothesis before the method. With KPI probes a system that has just started may
   * still be settling, so a failed check is repeated every sampling interval for up to one more
   * warm-up; without a timeline it is checked once, as Chaos Toolkit does.
   */
  private Optional<HypothesisResult> settledHypothesis() throws InterruptedException {
    Optional<HypothesisResult> result = hypothesis();
    if (capture.timeline().isEmpty()) {
      return result;
    }
    Duration settle = e.traffic().map(TrafficSpec::warmUp).orElse(Duration.ZERO);
    long deadline = System.nanoTime() + settle.toNanos();
    while (result.isPresent() && !result.get().met() && System.nanoTime() < deadline) {
      RunControl.sleep(e.sampleInterval());
      result = hypothesis();
    }
    return result;
  }

  private Optional<HypothesisResult> hypothesis() throws InterruptedException {
    if (e.hypothesis().isEmpty()) {
      return Optional.empty();
    }
    List<ProbeResult> probes = new ArrayList<>();
    for (Activity probe : e.hypothesis().get().probes()) {
      probes.add(executor.probe(probe));
    }
    return Optional.of(new HypothesisResult(s.clock().instant(), probes.stream().allMatch(ProbeResult::tolerated), probes));
  }

  /** Reverts every fault and runs the rollbacks; once per run. */
  private void revert() {
    armed = false; // no abort may interrupt the rollbacks
    if (reverted) {
      return;
    }
    reverted = true;
    if (ledger != null) {
      try {
        ledger.close();
      } catch (FaultException failure) {
        failed("faults could not be reverted: " + failure.getMessage());
      }
    }
    revertedAt = s.clock().instant();
    for (Activity rollback : e.rollbacks()) {
      try {
        ActivityResult result = executor.execute(rollback).result();
        rollbacks.add(result);
        s.listener().onActivity(result);
      } catch (InterruptedException again) {
        LOG.warn("Interrupted again during rollback '{}'; running the remaining rollbacks", rollback.name());
      }
    }
  }

  private void recover() throws InterruptedException {
    boolean faults = !executor.faults().isEmpty();
    Optional<Timeline> timeline = capture.timeline();
    Instant deadline = s.clock().instant().plus(e.recoverWait());
    while (true) {
      after = hypothesis();
      boolean held = after.map(HypothesisResult::met).orElse(true);
      boolean recovered = !faults || timeline.isEmpty() || measure(timeline.get()).flatMap(Recovery::recoveredAt).isPresent();
      if ((held && recovered) || (!faults && timeline.isEmpty()) || !s.clock().instant().isBefore(deadline)) {
        break;
      }
      RunControl.sleep(e.sampleInterval());
    }
    if (after.isPresent() && !after.get().met()) {
      deviated = true;
    }
  }

  private Optional<Recovery> measure(Timeline timeline) {
    List<TimedFault> faults = executor.faults();
    Instant now = s.clock().instant();
    Optional<Instant> first = faults.stream().map(TimedFault::injectedAt).min(Instant::compareTo);
    Optional<Instant> last = faults.stream().map(f -> f.revertedAt(revertedAt != null ? revertedAt : now))
        .max(Instant::compareTo);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(SteadyStates.meter(e).measure(timeline, first.get(), last.orElseThrow()));
  }

  private void drainAndCheck() throws InterruptedException {
    long start = System.nanoTime();
    trafficResult = capture.stopTraffic();
    long stopped = System.nanoTime();
    Duration quiet = Duration.ofSeconds(2).compareTo(e.sampleInterval().multipliedBy(2)) > 0
        ? Duration.ofSeconds(2) : e.sampleInterval().multipliedBy(2);
    Optional<EventHistory> history = capture.drainHistory(quiet, e.drainTimeout());
    long drained = System.nanoTime();
    if (history.isPresent() && e.invariants().isPresent()) {
      InvariantSpec invariants = e.invariants().get();
      verdict = Optional.of(InvariantCheck.check(invariants, InvariantCheck.spec(invariants), history.get(),
          trafficResult.map(r -> TrafficLog.acceptedOrders(r.trafficLog())).orElse(java.util.Set.of())));
    }
    LOG.info("Experiment '{}': traffic stopped in {} ms, history drained in {} ms, invariants checked in {} ms",
        e.title(), (stopped - start) / 1_000_000, (drained - stopped) / 1_000_000, (System.nanoTime() - drained) / 1_000_000);
  }

  /** Runs whatever has not run: reverts and rollbacks, then stops the capture; the interrupt flag is kept. */
  private void cleanUp() {
    boolean interrupted = Thread.interrupted();
    try {
      if (!reverted) {
        begin(Phase.REVERT);
        revert();
      }
      if (trafficResult.isEmpty()) {
        try {
          trafficResult = capture.stopTraffic();
        } catch (RuntimeException failure) {
          LOG.warn("Stopping traffic failed", failure);
        }
      }
      capture.close();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Journal report(Instant start) {
    Instant reportStart = s.clock().instant();
    closePhase(reportStart);
    phase = Phase.REPORT;
    phaseStart = reportStart;
    s.listener().onPhase(Phase.REPORT, reportStart);
    Timeline timeline = capture.timeline().orElse(new Timeline(e.sampleInterval()));
    List<TimedFault> faults = executor.faults();
    Instant now = s.clock().instant();
    Optional<Recovery> recovery = capture.timeline().isPresent() ? measure(timeline) : Optional.empty();
    List<FaultWindow> windows = faults.stream().map(f -> f.window(revertedAt != null ? revertedAt : now)).toList();
    List<GoalResult> goals = GoalEvaluator.evaluate(e.goals(), recovery, timeline,
        windows.stream().map(FaultWindow::injectedAt).min(Instant::compareTo),
        windows.stream().map(FaultWindow::revertedAt).max(Instant::compareTo));
    Instant end = s.clock().instant();
    phases.add(new PhaseSpan(Phase.REPORT, reportStart, end));
    Journal journal = new Journal(e.title(), e.description(), e.source(), status, deviated, start, end, phases, before,
        after, run, rollbacks, windows, timeline, trafficResult, recovery, verdict, goals, Optional.ofNullable(reason));
    Reports.write(journal, s.outputDirectory());
    return journal;
  }
}
