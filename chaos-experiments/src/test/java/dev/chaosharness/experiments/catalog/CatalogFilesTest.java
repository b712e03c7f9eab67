package dev.chaosharness.experiments.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.check.AnomalyKind;
import dev.chaosharness.core.experiment.Experiment;
import dev.chaosharness.core.experiment.ExperimentFile;
import dev.chaosharness.core.experiment.FaultProvider;
import dev.chaosharness.sample.kit.Defects;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalog file reads cleanly, with one fault, traffic, every invariant, goals, and a negative run that names a real switch. */
class CatalogFilesTest {

  private static final Set<Long> SEEDS = new HashSet<>();

  static List<String> catalog() {
    return CleanShopRuns.CATALOG;
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void should_read_with_one_fault_all_invariants_and_a_known_negative_run(String name) {
    // when
    Experiment e = ExperimentFile.readResource("catalog/" + name + ".yaml");
    NegativeRun negative = NegativeRun.of(name);

    // then
    assertThat(e.faultActions()).singleElement()
        .satisfies(a -> assertThat(a.provider()).isInstanceOf(FaultProvider.class));
    assertThat(e.invariants().orElseThrow().checkers())
        .containsExactlyInAnyOrder("ordering", "idempotency", "no-loss", "compensation");
    assertThat(e.goals()).isNotEmpty();
    assertThat(e.hypothesis().orElseThrow().probes()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(e.traffic().orElseThrow().warmUp().plus(e.observe()).plus(e.recoverTimeout()))
        .isLessThanOrEqualTo(Duration.ofSeconds(75));
    assertThat(e.description()).contains(negative.defects().values().iterator().next());
    assertThat(negative.defects().values()).allSatisfy(csv ->
        assertThat(Arrays.asList(csv.split(","))).allSatisfy(d -> assertThat(Defects.KNOWN).contains(d)));
    assertThat(negative.expect()).isNotEmpty().allSatisfy(kind -> assertThat(AnomalyKind.valueOf(kind)).isNotNull());
    assertThat(SEEDS.add(e.traffic().orElseThrow().seed()))
        .as("a seed of its own: one shop runs the catalog, and a repeated seed repeats idempotency keys").isTrue();
  }
}
