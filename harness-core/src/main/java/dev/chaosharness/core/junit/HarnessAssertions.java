package dev.chaosharness.core.junit;

import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.experiment.Journal;

/**
 * Entry point of the fluent AssertJ assertions over experiment journals and saga verdicts.
 *
 * <pre>{@code
 * import static dev.chaosharness.core.junit.HarnessAssertions.assertThat;
 *
 * assertThat(journal).completed().invariantsHold().recoveredWithin(ofSeconds(15));
 * assertThat(verdict).hasAnomaly("DUPLICATE_EFFECT", orderId);
 * }</pre>
 *
 * <p>Statically importable next to AssertJ's {@code Assertions.assertThat}: the overloads do not
 * clash. AssertJ must be on the test classpath (harness-core depends on it optionally). Every
 * failure message names the experiment and what was found. Stateless and thread-safe.
 */
public final class HarnessAssertions {

  private HarnessAssertions() {}

  /** Starts assertions on an experiment run's journal. */
  public static JournalAssert assertThat(Journal actual) {
    return new JournalAssert(actual);
  }

  /** Starts assertions on a saga checker's verdict. */
  public static VerdictAssert assertThat(Verdict actual) {
    return new VerdictAssert(actual);
  }
}
