package dev.chaosharness.core.junit;

import java.util.Arrays;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs {@link SelfTest} specimen classes through EngineTestKit. */
final class Specimens {

  /** The configuration parameter that enables specimens. */
  static final String KEY = "chaosharness.junit.selftest";

  private Specimens() {}

  /** Runs the specimen classes in one Jupiter engine execution (one root store, so one PER_RUN scope). */
  static EngineExecutionResults run(Class<?>... specimens) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(KEY, "true")
        .selectors(Arrays.stream(specimens).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
        .execute();
  }

  /** Disables the class unless the engine runs with {@link #KEY} set. */
  static final class OnlyThroughEngineTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(KEY).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled("run through EngineTestKit")
          : ConditionEvaluationResult.disabled("a specimen for the extension's tests; runs only through EngineTestKit");
    }
  }
}
