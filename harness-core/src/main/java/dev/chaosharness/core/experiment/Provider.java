package dev.chaosharness.core.experiment;

/**
 * What an activity runs: Chaos Toolkit's {@code http} and {@code process} providers, or the
 * harness's {@code fault}, {@code kpi} and {@code pause}.
 */
public sealed interface Provider permits HttpProvider, ProcessProvider, FaultProvider, KpiProvider, PauseProvider {

  /** The provider's type as the file spells it, for example {@code http}. */
  String type();

  /** One line for plans and journals, for example {@code GET http://.../health}. */
  String describe();
}
