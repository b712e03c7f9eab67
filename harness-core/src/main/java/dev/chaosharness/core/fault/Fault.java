package dev.chaosharness.core.fault;

/**
 * A fault that can be injected into a target and reverted.
 *
 * <pre>{@code
 * Fault slowProvider = Faults.latency(ofMillis(200)).withJitter(ofMillis(50)).on("payment->provider");
 * try (FaultLedger ledger = FaultLedger.open(target)) {
 *   ledger.inject(slowProvider);
 *   // run traffic, check
 * } // reverted here, whatever happened
 * }</pre>
 *
 * <p>A fault instance is injected at most once at a time; {@link #revert()} is idempotent and
 * reverts only what {@link #inject(FaultTarget)} did. Implementations are thread-safe.
 */
public interface Fault {

  /**
   * Injects the fault into {@code target}.
   *
   * @throws FaultException if the fault could not be injected (nothing stays injected then)
   * @throws IllegalStateException if this fault is already injected
   */
  void inject(FaultTarget target);

  /**
   * Reverts the fault if it is injected; does nothing otherwise.
   *
   * @throws FaultException if the revert failed
   */
  void revert();

  /** Describes the fault for journals and reports, for example {@code latency 200ms ±50ms on payment->provider}. */
  String describe();
}
