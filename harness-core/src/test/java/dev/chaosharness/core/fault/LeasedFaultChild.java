package dev.chaosharness.core.fault;

import java.net.URI;
import java.time.Duration;

/**
 * A harness stand-in run as a child JVM: injects a leased fault on a link and waits to be killed.
 * Arguments: the Toxiproxy API URL, the link name and the fault ({@code latency} or
 * {@code link-down}).
 */
public final class LeasedFaultChild {

  private LeasedFaultChild() {}

  /** Injects the fault with a 3 s lease, prints {@code INJECTED} and sleeps until killed. */
  public static void main(String[] args) throws InterruptedException {
    FaultTarget target = FaultTarget.builder().toxiproxy(URI.create(args[0])).lease(Duration.ofMillis(3000)).build();
    FaultLedger ledger = FaultLedger.open(target);
    Fault fault = switch (args[2]) {
      case "latency" -> Faults.latency(Duration.ofMillis(500)).on(args[1]);
      case "link-down" -> Faults.linkDown(args[1]);
      default -> throw new IllegalArgumentException("fault must be latency or link-down, but was " + args[2]);
    };
    ledger.inject(fault);
    System.out.println("INJECTED");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
