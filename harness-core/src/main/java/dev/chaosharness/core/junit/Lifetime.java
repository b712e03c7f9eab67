package dev.chaosharness.core.junit;

/** How long an environment started by {@link HarnessExtension} lives. */
public enum Lifetime {
  /** One environment per top-level test class, stopped after its last test. */
  PER_CLASS,
  /**
   * One environment for every test class of the run with an equal configuration (topology,
   * defects, fault proxy), stopped when the test run ends.
   */
  PER_RUN
}
