package dev.chaosharness.core.proxy;

import java.util.SplittableRandom;

/**
 * Seeded randomness for one direction of one connection: jitter, slice sizes and toxicity rolls.
 *
 * <p>Everything derives from the server seed, the proxy name, the connection's sequence number on
 * that proxy and the direction, so the same seed gives the same draws for the same connections in
 * the same order. Not thread-safe: each pipe owns one and uses it on its event loop.
 */
final class LinkRandom {

  private final long base;
  private final SplittableRandom random;

  LinkRandom(long seed, String proxy, long connection, StreamDirection direction) {
    this.base = mix(mix(mix(seed ^ proxy.hashCode()) + connection) + direction.ordinal());
    this.random = new SplittableRandom(base);
  }

  /** A draw in [-bound, +bound]; 0 when bound is 0. */
  long symmetric(long bound) {
    return bound <= 0 ? 0 : random.nextLong(-bound, bound + 1);
  }

  /**
   * The toxicity roll of a toxic on this link, in [0, 1): a pure function of the toxic's name, so
   * updating a toxic's toxicity re-uses the same roll.
   */
  double roll(String toxicName) {
    long bits = mix(base ^ mix(toxicName.hashCode()));
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
