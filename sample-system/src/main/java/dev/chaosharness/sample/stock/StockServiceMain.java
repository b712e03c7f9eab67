package dev.chaosharness.sample.stock;

/**
 * The {@code stock} process entry point named in the topology.
 *
 * <p>Stateless.
 */
public final class StockServiceMain {

  private StockServiceMain() {
  }

  /**
   * Runs the stock service.
   *
   * @param args ignored; configuration comes from the environment
   */
  public static void main(String[] args) {
    dev.chaosharness.sample.kit.ServiceKit.runMain("stock", StockService::new);
  }
}
