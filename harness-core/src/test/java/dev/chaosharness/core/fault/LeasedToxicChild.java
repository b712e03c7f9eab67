package dev.chaosharness.core.fault;

import java.net.URI;
import java.time.Duration;

/**
 * A harness stand-in run as a child JVM: injects a leased latency fault on a link and waits to
 * be killed. Arguments: the Toxiproxy API URL and the link name.
 */
public final class LeasedToxicChild {

  private LeasedToxicChild() {}

  /** Injects the fault, prints {@code INJECTED} and sleeps until killed. */
  public static void main(String[] args) throws InterruptedException {
    FaultTarget target = FaultTarget.builder().toxiproxy(URI.create(args[0])).lease(Duration.ofMillis(3000)).build();
    FaultLedger ledger = FaultLedger.open(target);
    ledger.inject(Faults.latency(Duration.ofMillis(500)).on(args[1]));
    System.out.println("INJECTED");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
