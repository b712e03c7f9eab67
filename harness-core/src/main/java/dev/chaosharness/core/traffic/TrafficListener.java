package dev.chaosharness.core.traffic;

/**
 * Hears each synthetic request's response while traffic runs, for example to feed a KPI
 * timeline:
 *
 * <pre>{@code
 * TrafficListener listener = r -> timeline.record(r.intended(), r.latency(), r.success());
 * }</pre>
 *
 * <p>Called from one driver thread, in traffic-log order, a fraction of a second after each
 * response. Implementations should return quickly; whatever they throw is logged and ignored.
 */
@FunctionalInterface
public interface TrafficListener {

  /** Called once per request with its traffic-log record. */
  void onResponse(TrafficRecord record);

  /** A listener that does nothing. */
  static TrafficListener noop() {
    return record -> {};
  }
}
