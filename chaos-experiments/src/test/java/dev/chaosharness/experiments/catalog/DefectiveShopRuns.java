package dev.chaosharness.experiments.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.experiment.Journal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalog experiment fails on a shop with its negative run's defect switch, with an anomaly
 * of a kind the experiment file expects, reported for one of the run's own orders. One shop holds
 * the union of the negative runs' switches; each switch misbehaves only under its own fault, and
 * {@code poison-event} runs last because the partition it blocks stays blocked. Run by
 * {@link CatalogTest}.
 */
abstract class DefectiveShopRuns {

  @TempDir static Path workDir;
  private static CatalogShop shop;

  @BeforeAll
  static void start() {
    shop = CatalogShop.start(workDir, NegativeRun.union(CleanShopRuns.CATALOG));
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  static List<String> catalog() {
    return CleanShopRuns.catalog();
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void should_fail_with_the_expected_anomaly_when_the_defect_is_on(String name) {
    // given
    NegativeRun negative = NegativeRun.of(name);

    // when
    Journal journal = shop.run(name);

    // then
    Set<String> accepted = CatalogShop.accepted(journal);
    assertThat(journal.passed()).as(CatalogShop.explain(journal)).isFalse();
    assertThat(journal.invariants()).as("a run that got to check its invariants: %s", CatalogShop.explain(journal))
        .isPresent();
    List<Anomaly> anomalies = journal.invariants().orElseThrow().anomalies();
    assertThat(anomalies).as("%s anomaly of this run's orders (%s)%n%s", negative.expect(), negative.defects(),
        CatalogShop.explain(journal))
        .anySatisfy(a -> {
          assertThat(negative.expect()).contains(a.kind());
          assertThat(accepted).contains(a.key());
        });
  }
}
