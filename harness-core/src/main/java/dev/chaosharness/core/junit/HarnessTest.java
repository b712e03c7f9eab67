package dev.chaosharness.core.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with {@link HarnessExtension} and configures the environment it starts.
 *
 * <pre>{@code
 * @HarnessTest(topology = "dev/chaosharness/sample/topology.yaml",
 *     defects = "payment=payment-no-refund", lifetime = Lifetime.PER_RUN)
 * class PaymentOutageTest {
 *   @Test
 *   void should_refund_when_stock_is_short(Environment env, FaultLedger faults, HistoryRecorder history) {
 *     faults.inject(Faults.latency(ofMillis(800)).on("payment->provider"));
 *     // ... place orders against env.target().service("bff").baseUrl() ...
 *     assertThat(SagaChecker.of(spec).check(history.stop())).invariantsHold();
 *   }
 * }
 * }</pre>
 *
 * <p>Without this annotation, {@code @ExtendWith(HarnessExtension.class)} uses the defaults
 * below. On a {@code @Nested} class the nearest annotated enclosing class configures it.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HarnessExtension.class)
public @interface HarnessTest {

  /**
   * The classpath resource of the topology to start, for example {@code
   * dev/chaosharness/sample/topology.yaml}; empty (the default) starts Kafka and PostgreSQL only.
   */
  String topology() default "";

  /**
   * Defect switches per service, each {@code service=switch[,switch...]}, for example {@code
   * payment=payment-no-refund}; none by default.
   */
  String[] defects() default {};

  /** How long the environment lives (default {@link Lifetime#PER_CLASS}). */
  Lifetime lifetime() default Lifetime.PER_CLASS;

  /**
   * Whether every faultable link goes through an in-JVM fault proxy (default {@code true});
   * without it, network faults and the {@code FaultProxy} parameter are unavailable.
   */
  boolean faultProxy() default true;
}
