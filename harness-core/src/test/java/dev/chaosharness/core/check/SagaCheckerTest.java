package dev.chaosharness.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SagaCheckerTest {

  static final SagaSpec SAMPLE = sample();
  static final SagaSpec TINY = SagaSpec.parse(
      "key: orderId\nstart: [Begin]\nfollows: {Step: [Begin], End: [Begin]}\nterminal: [End]\n", "tiny.yaml");

  private final SagaHistoryBuilder b = new SagaHistoryBuilder();

  static SagaSpec sample() {
    try (InputStream in = SagaSpec.class.getResourceAsStream("sample-saga.yaml")) {
      return SagaSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample-saga.yaml");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> anomalies(SagaChecker checker) {
    return checker.check(b.history).anomalies().stream().map(Anomaly::toString).toList();
  }

  private List<String> anomalies() {
    return anomalies(SagaChecker.of(SAMPLE));
  }

  private void declined(String order) {
    long created = b.emit("OrderCreated", order, 0);
    b.emit("OrderFailed", order, b.emit("PaymentDeclined", order, created));
  }

  private void insufficient(String order) {
    long paid = b.emit("PaymentProcessed", order, b.emit("OrderCreated", order, 0));
    long insufficient = b.emit("StockInsufficient", order, paid);
    b.emit("PaymentRefunded", order, insufficient);
    b.emit("OrderFailed", order, insufficient);
  }

  private void shipmentFailed(String order) {
    long paid = b.emit("PaymentProcessed", order, b.emit("OrderCreated", order, 0));
    long failed = b.emit("ShipmentFailed", order, b.emit("StockReserved", order, paid));
    b.emit("StockReleased", order, failed);
    b.emit("PaymentRefunded", order, failed);
    b.emit("OrderFailed", order, failed);
  }

  @Test
  void should_hold_when_every_saga_path_is_clean_and_redeliveries_repeat_event_ids() {
    // given
    b.happy("o-1");
    declined("o-2");
    insufficient("o-3");
    shipmentFailed("o-4");
    b.redeliver("PaymentProcessed", "o-1", 1, 2);
    // when
    Verdict verdict = SagaChecker.of(SAMPLE).withAccepted(Set.of("o-1", "o-2", "o-3", "o-4")).check(b.history);
    // then
    assertThat(verdict.anomalies()).isEmpty();
    assertThat(verdict.holds()).isTrue();
    assertThat(verdict.sagas()).isEqualTo(4);
    assertThat(verdict.toText()).isEqualTo(
        "PASSED: every invariant holds (21 events, 4 sagas; checkers: ordering, idempotency, no-loss, compensation)\n");
  }

  @Test
  void should_report_unknown_type_when_an_event_type_is_not_in_the_spec() {
    // given
    b.emit("OrderShipped", "o-1", b.happy("o-1"));
    // then
    assertThat(anomalies()).containsExactly("[ordering] UNKNOWN_TYPE o-1: event type 'OrderShipped' is not in the saga "
        + "spec; known types: [OrderCompleted, OrderCreated, OrderFailed, PaymentDeclined, PaymentProcessed, "
        + "PaymentRefunded, ShipmentFailed, ShipmentScheduled, StockInsufficient, StockReleased, StockReserved] "
        + "(evidence: OrderShipped@other.events/0:0)");
  }

  private void completeFrom(String order, long paid) {
    b.emit("OrderCompleted", order, b.emit("ShipmentScheduled", order, b.emit("StockReserved", order, paid)));
  }

  @Test
  void should_report_no_cause_when_a_follower_has_no_causation_id() {
    // given
    b.emit("OrderCreated", "o-1", 0);
    completeFrom("o-1", b.emit("PaymentProcessed", "o-1", 0));
    // then
    assertThat(anomalies()).containsExactly("[ordering] NO_CAUSE o-1: PaymentProcessed has no causationId, but it must "
        + "follow one of [OrderCreated] (evidence: PaymentProcessed@payments.events/0:0)");
  }

  @Test
  void should_report_missing_cause_when_the_causation_event_is_not_in_the_history() {
    // given
    b.emit("OrderCreated", "o-1", 0);
    completeFrom("o-1", b.emit("PaymentProcessed", "o-1", 99));
    // then
    assertThat(anomalies()).containsExactly("[ordering] MISSING_CAUSE o-1: PaymentProcessed follows event "
        + "00000000-0000-0000-0000-000000000063, which is not in the history: that event was lost, or the capture "
        + "started after it (evidence: PaymentProcessed@payments.events/0:0)");
  }

  @Test
  void should_leave_out_sagas_in_flight_at_the_start_when_asked_but_keep_accepted_orders() {
    // given: o-1 and o-2 were paid before the capture started; o-3 is the caller's own order,
    // which lost its start event; o-4 ran wholly inside the capture
    completeFrom("o-1", b.emit("PaymentProcessed", "o-1", 98));
    b.emit("OrderCompleted", "o-2", b.emit("ShipmentScheduled", "o-2", 99));
    completeFrom("o-3", b.emit("PaymentProcessed", "o-3", 97));
    b.happy("o-4");
    SagaChecker checker = SagaChecker.of(SAMPLE).withAccepted(Set.of("o-3", "o-4"));
    // when
    Verdict all = checker.check(b.history);
    Verdict joined = checker.skippingSagasInFlightAtStart().check(b.history);
    // then
    assertThat(all.countsByKind()).containsEntry("MISSING_CAUSE", 3);
    assertThat(joined.anomalies()).extracting(Anomaly::key).containsExactly("o-3");
    assertThat(joined.sagas()).isEqualTo(2);
    assertThat(joined.inFlightAtStart()).isEqualTo(2);
    assertThat(joined.scope()).isEqualTo("9 events, 2 sagas (2 more already running when the capture started, "
        + "not checked); checkers: ordering, idempotency, no-loss, compensation");
  }

  @Test
  void should_report_foreign_cause_when_the_cause_belongs_to_another_key() {
    // given
    b.happy("o-1");
    b.emit("OrderCreated", "o-2", 0);
    completeFrom("o-2", b.emit("PaymentProcessed", "o-2", 1));
    // then
    assertThat(anomalies()).containsExactly("[ordering] FOREIGN_CAUSE o-2: PaymentProcessed follows OrderCreated of "
        + "another key, o-1; the causation id points into another saga (evidence: OrderCreated@orders.events/0:0, "
        + "PaymentProcessed@payments.events/0:1)");
  }

  @Test
  void should_report_unexpected_cause_when_the_spec_does_not_allow_that_cause() {
    // given
    long paid = b.emit("PaymentProcessed", "o-1", b.emit("OrderCreated", "o-1", 0));
    long reserved = b.emit("StockReserved", "o-1", paid);
    b.emit("StockReleased", "o-1", reserved);
    b.emit("OrderCompleted", "o-1", b.emit("ShipmentScheduled", "o-1", reserved));
    // then
    assertThat(anomalies()).containsExactly("[ordering] UNEXPECTED_CAUSE o-1: StockReleased follows StockReserved, but "
        + "the spec allows it to follow only [ShipmentFailed] (evidence: StockReserved@stock.events/0:0, "
        + "StockReleased@stock.events/0:1)");
  }

  @Test
  void should_report_reordered_when_an_event_precedes_its_ancestor_in_the_partition() {
    // given
    long paid = b.emit("PaymentProcessed", "o-1", b.emit("OrderCreated", "o-1", 0));
    long failed = b.emit("ShipmentFailed", "o-1", b.emit("StockReserved", "o-1", paid, 1));
    b.emit("StockReleased", "o-1", failed, 0);
    b.emit("PaymentRefunded", "o-1", failed);
    b.emit("OrderFailed", "o-1", failed);
    // then
    assertThat(anomalies()).containsExactly("[ordering] REORDERED o-1: StockReleased sits at offset 0 of "
        + "stock.events/0, before StockReserved at offset 1 that it follows; the producer published this key out of "
        + "causal order (evidence: StockReleased@stock.events/0:0, StockReserved@stock.events/0:1)");
  }

  @Test
  void should_report_split_partitions_when_a_key_spans_partitions_of_a_topic() {
    // given
    long paid = b.emit("PaymentProcessed", "o-1", b.emit("OrderCreated", "o-1", 0));
    long failed = b.emit("ShipmentFailed", "o-1", b.emitOn("StockReserved", "o-1", paid, 0));
    b.emitOn("StockReleased", "o-1", failed, 2);
    b.emit("PaymentRefunded", "o-1", failed);
    b.emit("OrderFailed", "o-1", failed);
    // then
    assertThat(anomalies()).containsExactly("[ordering] SPLIT_PARTITIONS o-1: this key's events on stock.events are on "
        + "partitions 0 and 2; the producer did not key them by orderId, so consumers may apply them out of order "
        + "(evidence: StockReserved@stock.events/0:0, StockReleased@stock.events/2:0)");
  }

  @Test
  void should_report_duplicate_start_when_a_key_starts_twice() {
    // given
    long created = b.emit("OrderCreated", "o-1", 0);
    b.emit("OrderCreated", "o-1", 0);
    completeFrom("o-1", b.emit("PaymentProcessed", "o-1", created));
    // then
    assertThat(anomalies()).containsExactly("[ordering] DUPLICATE_START o-1: a second OrderCreated with a new event id "
        + "started this key again; the producer created the saga twice (a retried request without an idempotency "
        + "key?) (evidence: OrderCreated@orders.events/0:0, OrderCreated@orders.events/0:1)");
  }

  @Test
  void should_report_duplicate_terminal_when_a_key_ends_twice() {
    // given
    long begin = b.emit("Begin", "o-1", 0);
    b.emit("End", "o-1", begin);
    b.emit("End", "o-1", begin);
    // then
    assertThat(anomalies(SagaChecker.of(TINY))).containsExactly("[ordering] DUPLICATE_TERMINAL o-1: a second terminal "
        + "event End after End; the saga ended twice (evidence: End@other.events/0:1, End@other.events/0:2)");
  }

  @Test
  void should_report_after_terminal_when_an_event_follows_the_terminal_in_its_partition() {
    // given
    long begin = b.emit("Begin", "o-1", 0);
    b.emit("End", "o-1", begin);
    b.emit("Step", "o-1", begin);
    // then
    assertThat(anomalies(SagaChecker.of(TINY))).containsExactly("[ordering] AFTER_TERMINAL o-1: Step came after the "
        + "terminal End in the same partition; the saga went on after it ended (evidence: End@other.events/0:1, "
        + "Step@other.events/0:2)");
  }

  @Test
  void should_report_duplicate_effect_when_an_effect_repeats_under_a_new_event_id() {
    // given
    long created = b.emit("OrderCreated", "o-1", 0);
    long paid = b.emit("PaymentProcessed", "o-1", created);
    b.emit("PaymentProcessed", "o-1", created);
    completeFrom("o-1", paid);
    // then
    assertThat(anomalies()).containsExactly("[idempotency] DUPLICATE_EFFECT o-1: PaymentProcessed happened twice for "
        + "this key under two event ids; its consumer repeated the effect instead of deduplicating the redelivered "
        + "cause by event id (evidence: PaymentProcessed@payments.events/0:0, PaymentProcessed@payments.events/0:1)");
  }

  @Test
  void should_report_event_id_reused_when_one_id_names_two_events() {
    // given
    b.happy("o-1");
    b.redeliver("OrderCreated", "o-2", 0, 1);
    // then
    assertThat(anomalies()).containsExactly("[idempotency] EVENT_ID_REUSED o-2: event id "
        + "00000000-0000-0000-0000-000000000001 names both OrderCreated of o-1 and OrderCreated of o-2; every event "
        + "needs its own id (evidence: OrderCreated@orders.events/0:0, OrderCreated@orders.events/0:2)");
  }

  @Test
  void should_report_stuck_with_its_last_event_when_a_started_key_never_ends() {
    // given
    b.emit("PaymentProcessed", "o-1", b.emit("OrderCreated", "o-1", 0));
    // then
    assertThat(anomalies()).containsExactly("[no-loss] STUCK o-1: no terminal event [OrderCompleted, OrderFailed] by "
        + "the end of the history, 1.005 s after OrderCreated (deadline 30.000 s); last event PaymentProcessed "
        + "(evidence: OrderCreated@orders.events/0:0, PaymentProcessed@payments.events/0:0)");
  }

  @Test
  void should_report_late_when_the_terminal_event_comes_after_the_deadline() {
    // given
    long created = b.emit("OrderCreated", "o-1", 0);
    b.advance(60);
    completeFrom("o-1", b.emit("PaymentProcessed", "o-1", created));
    // then
    assertThat(anomalies()).containsExactly("[no-loss] LATE o-1: OrderCompleted came 64.000 s after OrderCreated, past "
        + "the deadline of 30.000 s (evidence: OrderCreated@orders.events/0:0, OrderCompleted@orders.events/0:1)");
    assertThat(anomalies(SagaChecker.of(SAMPLE).withDeadline(Duration.ofSeconds(64)))).isEmpty();
  }

  @Test
  void should_report_lost_when_an_accepted_order_has_no_event() {
    // given
    b.happy("o-1");
    // then
    assertThat(anomalies(SagaChecker.of(SAMPLE).withAccepted(Set.of("o-1", "o-9")))).containsExactly("[no-loss] LOST "
        + "o-9: accepted by the system, but no event of it is in the history; its start event was never published "
        + "(lost outside a transaction?)");
  }

  @Test
  void should_report_missing_compensation_when_a_violation_lacks_one() {
    // given
    long paid = b.emit("PaymentProcessed", "o-1", b.emit("OrderCreated", "o-1", 0));
    long failed = b.emit("ShipmentFailed", "o-1", b.emit("StockReserved", "o-1", paid));
    b.emit("StockReleased", "o-1", failed);
    b.emit("OrderFailed", "o-1", failed);
    // then
    assertThat(anomalies()).containsExactly("[compensation] MISSING_COMPENSATION o-1: ShipmentFailed was not followed "
        + "by PaymentRefunded (it demands [StockReleased, PaymentRefunded]); the service owning it ignored the "
        + "compensation or its event was lost (evidence: ShipmentFailed@shipping.events/0:0, "
        + "OrderFailed@orders.events/0:1)");
  }

  @Test
  void should_report_custom_invariants_when_they_fail_or_throw() {
    // given
    b.happy("o-1");
    Invariant drift = Invariant.of("stock-conservation", h -> List.of(
        new Anomaly("stock-conservation", "STOCK_DRIFT", "", List.of(), "stock service reports 9, expected 10")));
    Invariant broken = Invariant.of("probe", h -> {
      throw new IllegalStateException("probe unreachable");
    });
    // when
    Verdict verdict = SagaChecker.of(SAMPLE).withInvariant(drift).withInvariant(broken).check(b.history);
    // then
    assertThat(verdict.anomalies()).map(Anomaly::toString).containsExactly(
        "[stock-conservation] STOCK_DRIFT: stock service reports 9, expected 10",
        "[probe] INVARIANT_FAILED: the invariant could not be checked: java.lang.IllegalStateException: probe unreachable");
    assertThat(verdict.checkers()).containsExactly("ordering", "idempotency", "no-loss", "compensation", "stock-conservation", "probe");
  }

  @Test
  void should_render_counts_and_evidence_when_the_verdict_fails() {
    // given
    b.emit("PaymentProcessed", "o-1", b.emit("OrderCreated", "o-1", 0));
    b.happy("o-2");
    // when
    Verdict verdict = SagaChecker.of(SAMPLE).withAccepted(Set.of("o-3")).check(b.history);
    // then
    assertThat(verdict.toText(1)).isEqualTo("""
        FAILED: 2 anomalies (7 events, 2 sagas; checkers: ordering, idempotency, no-loss, compensation)
          STUCK: 1
          LOST: 1
        [no-loss] STUCK o-1: no terminal event [OrderCompleted, OrderFailed] by the end of the history, 6.005 s after \
        OrderCreated (deadline 30.000 s); last event PaymentProcessed (evidence: OrderCreated@orders.events/0:0, \
        PaymentProcessed@payments.events/0:0)
        ... and 1 more (use --json for all)
        """);
    assertThat(verdict.toJson()).contains("\"holds\" : false", "\"kind\" : \"LOST\"", "\"key\" : \"o-3\"",
        "\"topic\" : \"orders.events\"", "\"offset\" : 0", "\"eventId\" : \"00000000-0000-0000-0000-000000000001\"");
  }
}
