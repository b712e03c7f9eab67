package dev.chaosharness.sample.shipping;

/**
 * The {@code shipping} process entry point named in the topology.
 *
 * <p>Stateless.
 */
public final class ShippingServiceMain {

  private ShippingServiceMain() {
  }

  /**
   * Runs the shipping service.
   *
   * @param args ignored; configuration comes from the environment
   */
  public static void main(String[] args) {
    dev.chaosharness.sample.kit.ServiceKit.runMain("shipping", ShippingService::new);
  }
}
