package dev.chaosharness.core.check;

import java.util.List;

/** A built-in checker: reads the shared index and adds the anomalies it finds. */
interface Checker {

  String name();

  void check(SagaIndex index, List<Anomaly> out);
}
