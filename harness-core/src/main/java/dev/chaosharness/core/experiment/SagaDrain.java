package dev.chaosharness.core.experiment;

import dev.chaosharness.core.check.SagaSpec;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.HistoryObserver;
import dev.chaosharness.core.kpi.ConsumerLag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when the system has finished the work the run gave it: no saga that started in the
 * history is still open, or the target's consumers have read every saga event (so what is open
 * is stuck, not queued). A quiet history alone is not enough: a busy consumer can pause for
 * seconds with events waiting. Used by the running thread; {@link #close()} closes the admin
 * client.
 */
final class SagaDrain implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SagaDrain.class);

  private final Set<String> start;
  private final Set<String> terminal;
  private final boolean byOrderId;
  private final String bootstrapServers;
  private final List<String> topics;
  private final Set<String> open = new HashSet<>();
  private final Set<String> ended = new HashSet<>();
  private int scanned;
  private ConsumerLag lag;

  SagaDrain(SagaSpec spec, String bootstrapServers, List<String> topics) {
    this.start = Set.copyOf(spec.start());
    this.terminal = Set.copyOf(spec.terminal());
    this.byOrderId = spec.keyedByOrderId();
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
  }

  /** Whether the work is done: no open saga, or no consumer of the target lags on the saga topics. */
  boolean settled(HistoryObserver observer) {
    int openSagas = observer.read(this::scan);
    if (openSagas == 0) {
      return true;
    }
    try {
      if (lag == null) {
        lag = ConsumerLag.open(bootstrapServers);
      }
      long behind = lag.ofActiveGroups(topics, group -> !group.startsWith("harness-"));
      LOG.debug("{} sagas open, target consumers {} events behind", openSagas, behind);
      return behind == 0;
    } catch (RuntimeException e) {
      LOG.warn("Cannot read the consumer lag ({}); taking a quiet history as drained", e.getMessage());
      return true;
    }
  }

  private int scan(EventHistory history) {
    for (; scanned < history.size(); scanned++) {
      String key = byOrderId ? history.orderId(scanned) : history.key(scanned);
      String type = history.type(scanned);
      if (terminal.contains(type)) {
        ended.add(key);
        open.remove(key);
      } else if (start.contains(type) && !ended.contains(key)) {
        open.add(key);
      }
    }
    return open.size();
  }

  @Override
  public void close() {
    if (lag != null) {
      lag.close();
    }
  }
}
