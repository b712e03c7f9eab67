package dev.chaosharness.sample.kit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Switches a service process to JSON logs on standard output, with {@code trace_id} and
 * {@code span_id} from the MDC. Only service {@code main}s call it, so a library user's logging
 * stays theirs.
 *
 * <p>Call once, at start.
 */
final class JsonLogs {

  private JsonLogs() {
  }

  static void configure() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    URL config = JsonLogs.class.getResource("logback-service.xml");
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      System.err.println("JSON logging could not be configured from " + config + ": " + e);
    }
  }
}
