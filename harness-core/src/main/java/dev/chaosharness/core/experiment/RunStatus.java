package dev.chaosharness.core.experiment;

import java.util.Locale;

/** How an experiment run ended, as Chaos Toolkit's journal names it. */
public enum RunStatus {
  /** Every phase ran; the verdicts may still be negative (see {@link Journal#passed()}). */
  COMPLETED,
  /** An activity or the runner itself failed. */
  FAILED,
  /** An abort condition halted the run; rollbacks ran. */
  ABORTED,
  /** A person or the JVM interrupted the run (Ctrl-C, thread interrupt); rollbacks ran. */
  INTERRUPTED;

  /** Returns the journal's spelling: {@code completed}, {@code failed}, {@code aborted}, {@code interrupted}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
