package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LinkRandomTest {

  @Test
  void should_draw_the_same_jitter_sequence_when_seed_proxy_and_connection_are_the_same() {
    // given
    LinkRandom first = new LinkRandom(42, "db", 3, StreamDirection.DOWNSTREAM);
    LinkRandom second = new LinkRandom(42, "db", 3, StreamDirection.DOWNSTREAM);

    // when
    long[] a = LongStream.range(0, 100).map(i -> first.symmetric(50)).toArray();
    long[] b = LongStream.range(0, 100).map(i -> second.symmetric(50)).toArray();

    // then
    assertThat(a).isEqualTo(b);
    assertThat(LongStream.of(a).allMatch(v -> v >= -50 && v <= 50)).isTrue();
  }

  @Test
  void should_draw_different_sequences_when_the_seed_differs() {
    // given
    LinkRandom first = new LinkRandom(42, "db", 3, StreamDirection.DOWNSTREAM);
    LinkRandom other = new LinkRandom(43, "db", 3, StreamDirection.DOWNSTREAM);

    // when
    long[] a = LongStream.range(0, 20).map(i -> first.symmetric(1_000_000)).toArray();
    long[] b = LongStream.range(0, 20).map(i -> other.symmetric(1_000_000)).toArray();

    // then
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void should_roll_the_same_value_for_a_toxic_when_asked_twice() {
    // given
    LinkRandom random = new LinkRandom(7, "db", 0, StreamDirection.UPSTREAM);

    // when
    double roll = random.roll("lat");

    // then
    assertThat(random.roll("lat")).isEqualTo(roll).isBetween(0.0, 1.0);
  }
}
