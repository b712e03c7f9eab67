package dev.chaosharness.traffic.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SyntheticOrderGeneratorTest {

  private static List<SyntheticOrder> first(long seed, int count) {
    SyntheticOrderGenerator generator = new SyntheticOrderGenerator(seed);
    return LongStream.range(0, count).mapToObj(generator::order).toList();
  }

  @Test
  void should_make_the_same_sequence_when_seed_is_the_same() {
    // when
    List<SyntheticOrder> once = first(42, 500);
    List<SyntheticOrder> again = first(42, 500);
    // then
    assertThat(again).isEqualTo(once);
  }

  @Test
  void should_make_the_same_order_whatever_the_asking_order_when_index_is_the_same() {
    // given
    SyntheticOrderGenerator generator = new SyntheticOrderGenerator(42);
    // when
    SyntheticOrder late = generator.order(377);
    // then
    assertThat(first(42, 378).get(377)).isEqualTo(late);
  }

  @Test
  void should_make_other_orders_when_seed_differs() {
    // when
    List<SyntheticOrder> a = first(1, 100);
    List<SyntheticOrder> b = first(2, 100);
    // then
    assertThat(a).extracting(SyntheticOrder::idempotencyKey).doesNotContainAnyElementsOf(
        b.stream().map(SyntheticOrder::idempotencyKey).toList());
  }

  @Test
  void should_choose_each_planned_path_by_its_inputs_when_generating() {
    // when
    List<SyntheticOrder> orders = first(7, 2_000);
    // then
    assertThat(orders).allSatisfy(o -> assertThat(SagaPath.of(o)).as("path of %s", o).isEqualTo(o.path()));
  }

  @Test
  void should_hold_the_exact_mix_in_every_block_when_counting_paths() {
    // given
    List<SyntheticOrder> orders = first(7, 2_000);
    // when
    Map<SagaPath, Long> counted = new EnumMap<>(SagaPath.class);
    orders.forEach(o -> counted.merge(SagaPath.of(o), 1L, Long::sum));
    // then
    assertThat(counted).isEqualTo(new SyntheticOrderGenerator(7).plan(2_000));
    assertThat(counted).containsEntry(SagaPath.COMPLETED, 1_700L).containsEntry(SagaPath.PAYMENT_DECLINED, 100L)
        .containsEntry(SagaPath.STOCK_INSUFFICIENT, 100L).containsEntry(SagaPath.SHIPMENT_FAILED, 100L);
  }

  @Test
  void should_plan_a_partial_block_as_generated_when_count_is_not_a_multiple_of_the_block() {
    // given
    SyntheticOrderGenerator generator = new SyntheticOrderGenerator(9);
    Map<SagaPath, Long> counted = new EnumMap<>(SagaPath.class);
    for (SagaPath p : SagaPath.values()) {
      counted.put(p, 0L);
    }
    // when
    first(9, 33).forEach(o -> counted.merge(o.path(), 1L, Long::sum));
    // then
    assertThat(generator.plan(33)).isEqualTo(counted);
  }

  @Test
  void should_use_only_synthetic_customers_test_cards_and_known_skus_when_generating() {
    // when
    List<SyntheticOrder> orders = first(3, 1_000);
    // then
    Set<String> keys = new HashSet<>();
    assertThat(orders).allSatisfy(o -> {
      assertThat(Integer.parseInt(o.customerId().substring(2))).isBetween(900_000, 999_999);
      assertThat(o.cardNumber()).isIn(SyntheticOrderGenerator.GOOD_CARD, SyntheticOrderGenerator.DECLINED_CARD);
      assertThat(o.sku()).matches("SKU-(0\\d\\d|100|EMPTY)");
      assertThat(o.quantity()).isBetween(1, 3);
      assertThat(keys.add(o.idempotencyKey())).as("unique key %s", o.idempotencyKey()).isTrue();
    });
  }

  @Test
  void should_give_the_order_key_when_only_the_key_is_asked() {
    // given
    SyntheticOrderGenerator generator = new SyntheticOrderGenerator(5);
    // when / then
    assertThat(generator.idempotencyKey(123)).isEqualTo(generator.order(123).idempotencyKey());
  }

  @Test
  void should_refuse_when_index_is_negative() {
    // when / then
    assertThatThrownBy(() -> new SyntheticOrderGenerator(1).order(-1)).hasMessage("order index must be >= 0, but was -1");
  }
}
