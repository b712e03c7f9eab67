package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.target.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka fault kinds are found by the default registry and check their fields where the file is read. */
class KafkaFaultKindsTest {

  @TempDir Path dir;

  @Test
  void should_be_registered_by_default_when_the_service_loader_finds_them() {
    assertThat(FaultKinds.ofDefaults().names()).contains("rewind-offsets", "poison-event");
  }

  @Test
  void should_read_a_rewind_and_a_poison_event_with_their_subjects() throws IOException {
    // given
    Path file = write("""
        title: t
        method:
          - {type: action, name: rewind, provider: {type: fault, kind: rewind-offsets, service: payment, topic: orders.events, back: 30s}}
          - {type: action, name: poison, provider: {type: fault, kind: poison-event, topic: orders.events}}
        """);

    // when
    Experiment e = ExperimentFile.read(file);

    // then
    FaultProvider rewind = (FaultProvider) e.method().get(0).provider();
    assertThat(rewind.kind().subject(rewind.spec())).isEqualTo(new FaultKind.Subject("process", "payment", "service"));
    assertThat(rewind.describe()).isEqualTo("rewind-offsets {back=30s, service=payment, topic=orders.events}");
    FaultProvider poison = (FaultProvider) e.method().get(1).provider();
    assertThat(poison.kind().subject(poison.spec())).isEqualTo(FaultKind.Subject.NONE);
  }

  @Test
  void should_name_the_field_when_a_rewind_says_both_how_far_and_how_long() throws IOException {
    // given
    Path file = write("""
        title: t
        method:
          - type: action
            name: rewind
            provider: {type: fault, kind: rewind-offsets, service: payment, topic: orders.events, records: 5, back: 2s}
        """);

    // when / then
    assertThatThrownBy(() -> ExperimentFile.read(file)).isInstanceOf(InvalidFileException.class)
        .hasMessage(file + ":5: field 'method[0].provider.back': give exactly one of 'records' (per partition) "
            + "or 'back' (a duration) to say how far to rewind");
  }

  @Test
  void should_name_the_field_when_a_rewind_goes_back_no_records() throws IOException {
    // given
    Path file = write("""
        title: t
        method:
          - type: action
            name: rewind
            provider: {type: fault, kind: rewind-offsets, service: payment, topic: orders.events, records: 0}
        """);

    // when / then
    assertThatThrownBy(() -> ExperimentFile.read(file)).isInstanceOf(InvalidFileException.class)
        .hasMessage(file + ":5: field 'method[0].provider.records': must be > 0, but was 0");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("kafka-faults.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
