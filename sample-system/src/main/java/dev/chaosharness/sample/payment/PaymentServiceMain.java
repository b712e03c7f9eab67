package dev.chaosharness.sample.payment;

/**
 * The {@code payment} process entry point named in the topology.
 *
 * <p>Stateless.
 */
public final class PaymentServiceMain {

  private PaymentServiceMain() {
  }

  /**
   * Runs the payment service.
   *
   * @param args ignored; configuration comes from the environment
   */
  public static void main(String[] args) {
    dev.chaosharness.sample.kit.ServiceKit.runMain("payment", PaymentService::new);
  }
}
