package dev.chaosharness.core.env;

import java.net.InetSocketAddress;

/**
 * Puts a named, faultable link between clients and an upstream address.
 *
 * <p>The environment routes every faultable link of a target (service to Kafka, service to its
 * database, service to an HTTP dependency) through a router, and hands clients the address
 * the router returns. A plain pass-through router only forwards bytes; the fault proxy's
 * router lets faults act on each link by name.
 *
 * <p>Implementations are thread-safe. {@link #close()} closes every link and is idempotent.
 */
public interface LinkRouter extends AutoCloseable {

  /**
   * Opens the link {@code name} (for example {@code payment->provider}) forwarding to
   * {@code upstream}, and returns the loopback address clients connect to.
   *
   * @throws IllegalArgumentException if a link with that name is already open
   */
  InetSocketAddress open(String name, InetSocketAddress upstream);

  /**
   * Points an open link at a new upstream (after the upstream restarted on another port),
   * keeping the address clients connect to. Live connections are dropped; a link that is down
   * (a network fault) stays down until the fault is reverted.
   *
   * @throws IllegalArgumentException if no link with that name is open
   */
  void retarget(String name, InetSocketAddress upstream);

  /** Closes every link; idempotent. */
  @Override
  void close();
}
