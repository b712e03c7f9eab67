package dev.chaosharness.sample.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class InboxConsumerTest {

  @Test
  void should_treat_lost_connections_and_unavailable_dependencies_as_transient() {
    assertThat(InboxConsumer.isTransient(new SQLTransientConnectionException("pool timeout"))).isTrue();
    assertThat(InboxConsumer.isTransient(new IllegalStateException("wrapped",
        new SQLException("connection refused", "08001")))).isTrue();
    assertThat(InboxConsumer.isTransient(new TransientFailure("provider down", null))).isTrue();
  }

  @Test
  void should_treat_bad_data_as_poison_when_the_failure_is_not_infrastructure() {
    assertThat(InboxConsumer.isTransient(new SQLException("null value in column", "23502"))).isFalse();
    assertThat(InboxConsumer.isTransient(new IllegalArgumentException("bad payload"))).isFalse();
  }
}
