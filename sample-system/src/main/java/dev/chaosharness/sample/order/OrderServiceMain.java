package dev.chaosharness.sample.order;

/**
 * The {@code order} process entry point named in the topology.
 *
 * <p>Stateless.
 */
public final class OrderServiceMain {

  private OrderServiceMain() {
  }

  /**
   * Runs the order service.
   *
   * @param args ignored; configuration comes from the environment
   */
  public static void main(String[] args) {
    dev.chaosharness.sample.kit.ServiceKit.runMain("order", OrderService::new);
  }
}
