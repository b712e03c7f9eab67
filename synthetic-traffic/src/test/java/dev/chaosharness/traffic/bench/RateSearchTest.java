package dev.chaosharness.traffic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSearchTest {

  private final List<Double> tried = new ArrayList<>();

  private boolean upTo(double ceiling, double rate) {
    tried.add(rate);
    return rate <= ceiling;
  }

  @Test
  void should_stop_at_the_first_rate_not_sustained_then_halve_the_gap() {
    RateSearch.Outcome o = RateSearch.run(List.of(10_000.0, 20_000.0, 40_000.0, 80_000.0), 3, r -> upTo(27_000, r));
    assertThat(tried).containsExactly(10_000.0, 20_000.0, 40_000.0, 30_000.0, 25_000.0, 27_500.0);
    assertThat(o).isEqualTo(new RateSearch.Outcome(25_000, 27_500));
  }

  @Test
  void should_report_no_miss_when_every_rate_is_sustained() {
    RateSearch.Outcome o = RateSearch.run(List.of(1_000.0, 2_000.0), 3, r -> upTo(5_000, r));
    assertThat(tried).containsExactly(1_000.0, 2_000.0);
    assertThat(o.highest()).isEqualTo(2_000);
    assertThat(o.missed()).isNaN();
  }

  @Test
  void should_refine_below_the_first_rate_when_even_that_one_is_not_sustained() {
    RateSearch.Outcome o = RateSearch.run(List.of(1_000.0, 2_000.0), 2, r -> upTo(300, r));
    assertThat(tried).containsExactly(1_000.0, 500.0, 300.0);
    assertThat(o).isEqualTo(new RateSearch.Outcome(300, 500));
  }

  @Test
  void should_stop_refining_when_the_gap_is_under_100_per_second() {
    RateSearch.Outcome o = RateSearch.run(List.of(1_000.0, 1_100.0), 5, r -> upTo(1_050, r));
    assertThat(tried).containsExactly(1_000.0, 1_100.0);
    assertThat(o).isEqualTo(new RateSearch.Outcome(1_000, 1_100));
  }
}
