package dev.chaosharness.sample.bff;

/**
 * The {@code bff} process entry point named in the topology.
 *
 * <p>Stateless.
 */
public final class BffServiceMain {

  private BffServiceMain() {
  }

  /**
   * Runs the bff service.
   *
   * @param args ignored; configuration comes from the environment
   */
  public static void main(String[] args) {
    dev.chaosharness.sample.kit.ServiceKit.runMain("bff", BffService::new);
  }
}
