package dev.chaosharness.experiments.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every catalog experiment passes on the clean embedded shop: hypothesis, invariants and goals (run by {@link CatalogTest}). */
abstract class CleanShopRuns {

  /** The catalog, in the order the runs share one shop. */
  static final List<String> CATALOG = List.of("payment-provider-latency", "payment-provider-outage",
      "database-latency", "slow-consumer-lag", "service-killed-mid-saga", "duplicate-delivery",
      "kafka-broker-kill", "poison-event");

  @TempDir static Path workDir;
  private static CatalogShop shop;

  @BeforeAll
  static void start() {
    shop = CatalogShop.start(workDir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  /** The catalog, or only the names in the system property {@code catalog.only} (comma-separated). */
  static List<String> catalog() {
    String only = System.getProperty("catalog.only", "");
    return only.isBlank() ? CATALOG : CATALOG.stream().filter(List.of(only.split(","))::contains).toList();
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void should_pass_when_the_shop_is_clean(String name) {
    // when
    Journal journal = shop.run(name);

    // then
    assertThat(journal.status()).as(CatalogShop.explain(journal)).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.passed()).as(CatalogShop.explain(journal)).isTrue();
    assertThat(journal.invariants().orElseThrow().sagas()).isGreaterThan(50);
    assertThat(journal.faults()).hasSize(1);
  }
}
