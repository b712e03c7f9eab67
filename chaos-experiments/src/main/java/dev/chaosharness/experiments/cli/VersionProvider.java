package dev.chaosharness.experiments.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the harness version from the jar manifest, with the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = HarnessCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "harness " + (version == null ? "development build" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
