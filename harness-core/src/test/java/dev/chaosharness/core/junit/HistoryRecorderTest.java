package dev.chaosharness.core.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.target.TargetDescription;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history recorder reads a target's saga topics, never its fault topics. */
class HistoryRecorderTest {

  @TempDir Path dir;

  @Test
  void should_record_every_topic_but_the_fault_topics_when_a_target_lists_both() {
    // given
    TargetDescription target = target(List.of("orders.events", "orders.events.faults", "payments.events"));

    // when / then
    assertThat(HistoryRecorder.sagaTopics(target)).containsExactly("orders.events", "payments.events");
  }

  @Test
  void should_say_there_is_nothing_to_record_when_the_target_has_only_fault_topics() {
    // given
    TargetDescription target = target(List.of("orders.events.faults"));

    // when / then
    assertThatThrownBy(() -> HistoryRecorder.start(target, "g", dir.resolve("h.jsonl"), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target 'shop' has no saga topics to record (topics: [orders.events.faults]); "
            + "start it with a topology that has some");
  }

  private static TargetDescription target(List<String> topics) {
    return new TargetDescription("shop", false, null, List.of(),
        new TargetDescription.Kafka("127.0.0.1:9092", topics), List.of(), null, null);
  }
}
