package dev.chaosharness.experiments.catalog;

import org.junit.jupiter.api.Nested;

/**
 * The catalog on the clean shop, then on the defective one. Nested in one class, the two run one
 * after the other in one test fork, so only one catalog shop at a time shares the machine with the
 * rest of the suite: two shops faulted in step (both killing shipping, both restarting the broker)
 * starve each other on two cores and turn load into false failures.
 */
class CatalogTest {

  @Nested
  class OnTheCleanShop extends CleanShopRuns {}

  @Nested
  class OnTheDefectiveShop extends DefectiveShopRuns {}
}
