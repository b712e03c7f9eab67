package dev.chaosharness.core.experiment;

import dev.chaosharness.core.fault.Fault;
import dev.chaosharness.core.fault.FaultLedger;
import dev.chaosharness.core.kpi.Timeline;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one activity (with its pauses) and reports it as an {@link ActivityResult}; never throws
 * for a failing activity, only for an interrupt. Used by the running thread only.
 */
final class ActivityExecutor {

  /** An activity's result and, for providers that return one, its output. */
  record Executed(ActivityResult result, Optional<Output> output) {}

  private final Substitution substitution;
  private final HttpCall http;
  private final Clock clock;
  private final Supplier<FaultLedger> ledger;
  private final FaultContext faultContext;
  private final Supplier<Timeline> timeline;
  private final List<TimedFault> faults = new CopyOnWriteArrayList<>();

  ActivityExecutor(Substitution substitution, HttpClient client, Clock clock, Supplier<FaultLedger> ledger,
      FaultContext faultContext, Supplier<Timeline> timeline) {
    this.substitution = substitution;
    this.http = new HttpCall(client);
    this.clock = clock;
    this.ledger = ledger;
    this.faultContext = faultContext;
    this.timeline = timeline;
  }

  /** The faults injected so far, in order; safe to read from any thread. */
  List<TimedFault> faults() {
    return List.copyOf(faults);
  }

  Executed execute(Activity activity) throws InterruptedException {
    RunControl.sleep(activity.pauseBefore());
    Instant start = clock.instant();
    Optional<Output> output = Optional.empty();
    String text = "";
    Optional<String> error = Optional.empty();
    try {
      Provider provider = activity.provider();
      if (provider instanceof PauseProvider pause) {
        RunControl.sleep(pause.duration());
      } else if (provider instanceof FaultProvider fault) {
        text = inject(fault, activity);
      } else {
        Output out = read(provider, activity);
        output = Optional.of(out);
        text = out.summary();
        error = problem(activity, out);
      }
    } catch (InterruptedException e) {
      throw e;
    } catch (IOException e) {
      error = Optional.of(e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "(no message)" : e.getMessage()));
    } catch (RuntimeException e) {
      error = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    ActivityResult result = new ActivityResult(activity.name(), activity.type().jsonName(), activity.provider().type(),
        error.isEmpty(), start, clock.instant(), text, error);
    RunControl.sleep(activity.pauseAfter());
    return new Executed(result, output);
  }

  private String inject(FaultProvider provider, Activity activity) {
    Fault fault = provider.kind().create(provider.spec(), faultContext);
    TimedFault timed = new TimedFault(fault, clock);
    ledger.get().inject(timed);
    faults.add(timed);
    return "injected " + timed.describe();
  }

  private Output read(Provider provider, Activity activity) throws IOException, InterruptedException {
    if (provider instanceof HttpProvider h) {
      return http.call(h, substitution, activity.location().child("provider"));
    }
    if (provider instanceof ProcessProvider p) {
      return ProcessCall.run(p, substitution, activity.location().child("provider"));
    }
    KpiProvider kpi = (KpiProvider) provider;
    Timeline current = timeline.get();
    if (current == null) {
      throw new IllegalStateException("kpi probe '" + activity.name() + "' needs the experiment's traffic; "
          + "there is no KPI timeline");
    }
    return new Output.Kpi(KpiWindow.read(current, kpi));
  }

  private static Optional<String> problem(Activity activity, Output output) {
    if (activity.tolerance().isPresent()) {
      return activity.tolerance().get().accepts(output) ? Optional.empty()
          : Optional.of("output " + output.summary() + " is not within tolerance " + activity.tolerance().get().describe());
    }
    if (output instanceof Output.Http response && activity.provider() instanceof HttpProvider provider) {
      boolean expected = provider.expectedStatus().isEmpty() ? response.status() < 400
          : provider.expectedStatus().contains(response.status());
      return expected ? Optional.empty() : Optional.of("HTTP status " + response.status() + " was not expected ("
          + (provider.expectedStatus().isEmpty() ? "< 400" : provider.expectedStatus().toString()) + ")");
    }
    if (output instanceof Output.Process process && process.exitCode() != 0) {
      return Optional.of("exit code " + process.exitCode() + (process.stderr().isBlank() ? ""
          : ": " + Outputs.abbreviate(process.stderr().strip())));
    }
    if (output instanceof Output.Kpi kpi && Double.isNaN(kpi.value())) {
      return Optional.of("no data for " + activity.provider().describe());
    }
    return Optional.empty();
  }

  /** Runs a hypothesis probe: its output against its tolerance. */
  ProbeResult probe(Activity probe) throws InterruptedException {
    Executed executed = execute(probe);
    Tolerance tolerance = probe.tolerance().orElseThrow();
    String value = executed.output().map(Output::summary)
        .orElse(executed.result().error().map(e -> "error: " + e).orElse(""));
    boolean tolerated = executed.output().map(tolerance::accepts).orElse(false);
    return new ProbeResult(probe.name(), value, tolerance.describe(), tolerated);
  }

}
