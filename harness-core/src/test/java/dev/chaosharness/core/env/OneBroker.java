package dev.chaosharness.core.env;

import java.nio.file.Path;

/** A real Kafka broker process for a test class, with its supervisor and a pass-through router. */
public final class OneBroker implements AutoCloseable {

  private final ProcessSupervisor supervisor = new ProcessSupervisor();
  private final PassThroughLinkRouter router = new PassThroughLinkRouter();
  private final KafkaBroker broker;

  private OneBroker(Path workDir) {
    broker = KafkaBroker.launch(supervisor, KafkaBrokerConfig.builder(workDir).build(), router);
    broker.awaitReady();
  }

  /** Starts a broker in {@code workDir} and waits until it is ready. */
  public static OneBroker start(Path workDir) {
    return new OneBroker(workDir);
  }

  /** The broker. */
  public KafkaBroker broker() {
    return broker;
  }

  @Override
  public void close() {
    try {
      broker.close();
    } finally {
      router.close();
      supervisor.close();
    }
  }
}
