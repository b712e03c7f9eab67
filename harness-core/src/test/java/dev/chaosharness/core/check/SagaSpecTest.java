package dev.chaosharness.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SagaSpecTest {

  private static final String VALID = """
      key: orderId
      start: [OrderCreated]
      follows:
        PaymentProcessed: [OrderCreated]
        StockInsufficient: [PaymentProcessed]
        PaymentRefunded: [StockInsufficient]
        OrderFailed: [StockInsufficient]
      terminal: [OrderFailed]
      effects-once: [PaymentProcessed]
      compensations:
        StockInsufficient: [PaymentRefunded]
      """;

  private static String error(String yaml) {
    try {
      SagaSpec.parse(yaml, "saga.yaml");
    } catch (SagaSpecException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void should_read_every_section_when_the_sample_spec_is_parsed() {
    // when
    SagaSpec spec = SagaCheckerTest.SAMPLE;
    // then
    assertThat(spec.key()).isEqualTo("orderId");
    assertThat(spec.start()).containsExactly("OrderCreated");
    assertThat(spec.causesOf("PaymentRefunded")).containsExactly("StockInsufficient", "ShipmentFailed");
    assertThat(spec.terminal()).containsExactly("OrderCompleted", "OrderFailed");
    assertThat(spec.effectsOnce()).hasSize(5);
    assertThat(spec.compensationsOf("ShipmentFailed")).containsExactly("StockReleased", "PaymentRefunded");
    assertThat(spec.types()).hasSize(11);
  }

  @Test
  void should_name_line_and_field_when_a_cause_is_an_unknown_type() {
    // when / then
    assertThat(error(VALID.replace("StockInsufficient: [PaymentProcessed]", "StockInsufficient: [PaymentProcesed]")))
        .isEqualTo("saga.yaml line 5, field 'follows.StockInsufficient[0]': unknown event type 'PaymentProcesed'; "
            + "known types (start and follows keys): [OrderCreated, OrderFailed, PaymentProcessed, PaymentRefunded, "
            + "StockInsufficient]");
  }

  @Test
  void should_reject_unknown_types_when_terminal_effects_or_compensations_name_them() {
    // when / then
    assertThat(error(VALID.replace("terminal: [OrderFailed]", "terminal: [OrderFailed, OrderDone]")))
        .startsWith("saga.yaml line 8, field 'terminal[1]': unknown event type 'OrderDone'");
    assertThat(error(VALID.replace("effects-once: [PaymentProcessed]", "effects-once: [Charge]")))
        .startsWith("saga.yaml line 9, field 'effects-once[0]': unknown event type 'Charge'");
    assertThat(error(VALID.replace("  StockInsufficient: [PaymentRefunded]", "  StockGone: [PaymentRefunded]")))
        .startsWith("saga.yaml line 11, field 'compensations.StockGone': unknown event type 'StockGone'");
  }

  @Test
  void should_require_the_compensation_to_follow_the_violation_when_validating() {
    // when / then
    assertThat(error(VALID.replace("PaymentRefunded: [StockInsufficient]", "PaymentRefunded: [PaymentProcessed]")))
        .isEqualTo("saga.yaml line 11, field 'compensations.StockInsufficient[0]': 'PaymentRefunded' must list "
            + "'StockInsufficient' among its causes in follows, because a compensation follows the violation it undoes");
  }

  @Test
  void should_reject_structural_mistakes_with_their_lines() {
    // when / then
    assertThat(error(VALID.replace("OrderFailed: [StockInsufficient]", "OrderFailed: [StockInsufficient]\n  Late: [OrderFailed]")))
        .isEqualTo("saga.yaml line 8, field 'follows.Late[0]': 'OrderFailed' is terminal, so nothing may follow it; "
            + "remove it here or from terminal");
    assertThat(error(VALID.replace("  PaymentProcessed: [OrderCreated]", "  OrderCreated: [OrderCreated]\n  PaymentProcessed: [OrderCreated]")))
        .isEqualTo("saga.yaml line 4, field 'follows.OrderCreated': 'OrderCreated' is a start type, so it has no cause; "
            + "remove it from follows or from start");
    assertThat(error(VALID.replace("start: [OrderCreated]", "start: OrderCreated")))
        .isEqualTo("saga.yaml line 2, field 'start': expected a list of event types such as [OrderCreated], but was "
            + "'OrderCreated'");
    assertThat(error(VALID.replace("start: [OrderCreated]", "start: []")))
        .isEqualTo("saga.yaml line 2, field 'start': must list at least one event type");
    assertThat(error(VALID.replace("effects-once: [PaymentProcessed]", "effects-once: [PaymentProcessed, PaymentProcessed]")))
        .isEqualTo("saga.yaml line 9, field 'effects-once[1]': 'PaymentProcessed' is listed twice");
    assertThat(error(VALID.replace("key: orderId", "key: customerId")))
        .isEqualTo("saga.yaml line 1, field 'key': must be 'orderId' (the envelope field) or 'key' (the Kafka record "
            + "key), but was 'customerId'");
  }

  @Test
  void should_reject_unknown_and_missing_fields_when_reading() {
    // when / then
    assertThat(error(VALID + "retries: 3\n"))
        .isEqualTo("saga.yaml line 12, field 'retries': unknown field; a saga spec has [compensations, effects-once, "
            + "follows, key, start, terminal]");
    assertThat(error(VALID.replace("terminal: [OrderFailed]\n", "")))
        .isEqualTo("saga.yaml line 1, field 'terminal': missing; a saga spec needs key, start, follows and terminal");
    assertThat(error(VALID + "key: orderId\n"))
        .isEqualTo("saga.yaml line 12, field 'key': appears twice; merge the two entries");
    assertThat(error("- a\n- b\n"))
        .isEqualTo("saga.yaml line 1: expected a mapping with fields [compensations, effects-once, follows, key, start, "
            + "terminal], but the document is not a mapping");
  }

  @Test
  void should_report_the_line_when_the_yaml_is_malformed() {
    // when
    String message = error("key: orderId\nstart: [OrderCreated\nfollows: {}\n");
    // then
    assertThat(message).startsWith("saga.yaml line 3: not valid YAML: ");
  }

  @Test
  void should_say_no_such_file_when_the_spec_file_is_missing(@TempDir Path dir) {
    // given
    Path missing = dir.resolve("nope.yaml");
    // when / then
    assertThatThrownBy(() -> SagaSpec.parse(missing))
        .isInstanceOf(SagaSpecException.class)
        .hasMessage(missing + ": no such file; pass the path of a saga specification (docs/saga-spec.md)");
  }

  @Test
  void should_reject_an_invalid_spec_when_built_in_code() {
    // when / then
    assertThatThrownBy(() -> new SagaSpec("orderId", List.of("A"), java.util.Map.of("B", List.of("C")), List.of("B"),
        List.of(), java.util.Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("saga spec field 'follows.B[0]': unknown event type 'C'; known types (start and follows keys): [A, B]");
  }
}
