package dev.chaosharness.core.junit;

import dev.chaosharness.core.check.AnomalyKind;
import dev.chaosharness.core.check.Verdict;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a saga checker's {@link Verdict}; start with {@link HarnessAssertions#assertThat(Verdict)}.
 *
 * <pre>{@code
 * assertThat(SagaChecker.of(spec).check(history.stop())).invariantsHold();
 * }</pre>
 *
 * <p>Not thread-safe, like every AssertJ assertion: use one per thread.
 */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

  VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  /** Verifies that the verdict has no anomaly; the message lists the first ten. */
  public VerdictAssert invariantsHold() {
    isNotNull();
    return fail(VerdictMessages.invariantsHold(actual, ""));
  }

  /** Verifies that the verdict has an anomaly of {@code kind}, for example {@code DUPLICATE_EFFECT}. */
  public VerdictAssert hasAnomaly(String kind) {
    isNotNull();
    return fail(VerdictMessages.hasAnomaly(actual, Objects.requireNonNull(kind, "kind"), null, ""));
  }

  /** Verifies that the verdict has an anomaly of {@code kind}. */
  public VerdictAssert hasAnomaly(AnomalyKind kind) {
    return hasAnomaly(kind.name());
  }

  /** Verifies that the verdict has an anomaly of {@code kind} for the saga key {@code key}. */
  public VerdictAssert hasAnomaly(String kind, String key) {
    isNotNull();
    return fail(VerdictMessages.hasAnomaly(actual, Objects.requireNonNull(kind, "kind"),
        Objects.requireNonNull(key, "key"), ""));
  }

  /** Verifies that the verdict has an anomaly of {@code kind} for the saga key {@code key}. */
  public VerdictAssert hasAnomaly(AnomalyKind kind, String key) {
    return hasAnomaly(kind.name(), key);
  }

  private VerdictAssert fail(Optional<String> failure) {
    failure.ifPresent(message -> failWithMessage("%s", message));
    return myself;
  }
}
