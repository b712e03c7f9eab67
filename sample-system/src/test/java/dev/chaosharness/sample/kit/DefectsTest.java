package dev.chaosharness.sample.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DefectsTest {

  @Test
  void should_switch_on_listed_defects_when_parsing_a_comma_separated_list() {
    // given
    String csv = " payment-no-refund, stock-unordered ,";

    // when
    Defects defects = Defects.parse(csv);

    // then
    assertThat(defects.has(Defects.PAYMENT_NO_REFUND)).isTrue();
    assertThat(defects.has(Defects.STOCK_UNORDERED)).isTrue();
    assertThat(defects.has(Defects.ORDER_NO_OUTBOX)).isFalse();
  }

  @Test
  void should_switch_nothing_on_when_the_list_is_blank() {
    // when
    Defects defects = Defects.parse("");

    // then
    assertThat(defects.enabled()).isEmpty();
  }

  @Test
  void should_name_the_unknown_defect_and_the_known_ones_when_a_name_is_misspelt() {
    // when / then
    assertThatThrownBy(() -> Defects.parse("payment-no-refunds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SAMPLE_DEFECTS names an unknown defect 'payment-no-refunds'; known defects: "
            + "[consumer-from-latest, drop-stale-events, order-no-outbox, outage-is-poison, payment-no-refund, "
            + "payment-not-idempotent, poison-blocks-partition, slow-tx-is-poison, stock-unordered]");
  }
}
