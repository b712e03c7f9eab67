package dev.chaosharness.core.fault;

import java.util.List;

/** A hand-written fault that records inject and revert calls into a shared log. */
final class RecordingFault implements Fault {

  private final String name;
  private final List<String> log;
  private final boolean failRevert;

  RecordingFault(String name, List<String> log, boolean failRevert) {
    this.name = name;
    this.log = log;
    this.failRevert = failRevert;
  }

  @Override
  public void inject(FaultTarget target) {
    log.add("inject " + name);
  }

  @Override
  public void revert() {
    log.add("revert " + name);
    if (failRevert) {
      throw new FaultException("boom " + name);
    }
  }

  @Override
  public String describe() {
    return name;
  }
}
