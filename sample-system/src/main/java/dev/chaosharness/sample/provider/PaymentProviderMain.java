package dev.chaosharness.sample.provider;

/**
 * The {@code payment-provider} process entry point named in the topology.
 *
 * <p>Stateless.
 */
public final class PaymentProviderMain {

  private PaymentProviderMain() {
  }

  /**
   * Runs the fake provider.
   *
   * @param args ignored; configuration comes from the environment
   */
  public static void main(String[] args) {
    dev.chaosharness.sample.kit.ServiceKit.runMain("payment-provider", PaymentProvider::new);
  }
}
