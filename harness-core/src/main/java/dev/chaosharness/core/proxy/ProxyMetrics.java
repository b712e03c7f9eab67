package dev.chaosharness.core.proxy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one proxy, updated from event loops and read by the metrics endpoint. */
final class ProxyMetrics {

  final LongAdder connectionsTotal = new LongAdder();
  final AtomicLong connectionsActive = new AtomicLong();
  final LongAdder upstreamBytes = new LongAdder();
  final LongAdder downstreamBytes = new LongAdder();

  void addBytes(StreamDirection direction, long bytes) {
    (direction == StreamDirection.UPSTREAM ? upstreamBytes : downstreamBytes).add(bytes);
  }
}
