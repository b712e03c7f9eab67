package dev.chaosharness.core.junit;

import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.HistoryObserver;
import dev.chaosharness.core.history.HistoryWriter;
import dev.chaosharness.core.history.ObserverConfig;
import dev.chaosharness.core.target.TargetDescription;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Records the events a target publishes on its saga topics (every topic but the {@code .faults}
 * ones) from the moment it starts, into an {@link EventHistory} and a history file.
 *
 * <pre>{@code
 * @Test
 * void should_complete_every_saga(Environment env, HistoryRecorder history) {
 *   placeOrders(env.target().service("bff").baseUrl());
 *   assertThat(SagaChecker.of(spec).check(history.stop())).invariantsHold();
 * }
 * }</pre>
 *
 * <p>Injected by {@link HarnessExtension}, one per test, closed after it. Thread-safe; {@link
 * #stop()} may be called once or more (later calls return the same history), {@link #close()}
 * is idempotent and stops without draining.
 */
public final class HistoryRecorder implements AutoCloseable {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private final HistoryObserver observer;
  private final List<String> topics;
  private final Path file;
  private EventHistory history;

  private HistoryRecorder(HistoryObserver observer, List<String> topics, Path file) {
    this.observer = observer;
    this.topics = topics;
    this.file = file;
  }

  /**
   * Starts recording the saga topics of {@code target} with its own consumer group {@code
   * groupId}, writing every event to {@code file} as well; returns once the start offsets are fixed.
   *
   * @throws IllegalArgumentException when the target has no saga topics
   */
  public static HistoryRecorder start(TargetDescription target, String groupId, Path file, Clock clock) {
    Objects.requireNonNull(target, "target");
    List<String> topics = sagaTopics(target);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("target '" + target.name() + "' has no saga topics to record (topics: "
          + (target.kafka() == null ? "no Kafka" : target.kafka().topics()) + "); start it with a topology that has some");
    }
    ObserverConfig config = ObserverConfig.builder(target.kafka().bootstrapServers(), topics)
        .groupId(groupId).start(ObserverConfig.StartPosition.LATEST).drainTimeout(DRAIN_TIMEOUT).build();
    HistoryWriter writer = HistoryWriter.create(file);
    try {
      return new HistoryRecorder(HistoryObserver.start(config, clock, writer), topics, file);
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  /** Returns the topics a target's sagas run on: its topics without the {@code .faults} ones. */
  public static List<String> sagaTopics(TargetDescription target) {
    if (target.kafka() == null) {
      return List.of();
    }
    return target.kafka().topics().stream().filter(t -> !t.endsWith(".faults")).toList();
  }

  /** Returns the topics recorded. */
  public List<String> topics() {
    return topics;
  }

  /** Returns the history file the events are also written to. */
  public Path file() {
    return file;
  }

  /** Returns how many events were recorded so far. */
  public long recorded() {
    return observer.recorded();
  }

  /**
   * Stops recording once every partition is read up to its end now, and returns the history;
   * later calls return the same history.
   *
   * @throws IllegalStateException when draining takes longer than 60 s
   */
  public synchronized EventHistory stop() {
    if (history == null) {
      history = observer.stop();
    }
    return history;
  }

  /** Stops recording without draining, when not stopped already; idempotent. */
  @Override
  public void close() {
    observer.close();
  }
}
