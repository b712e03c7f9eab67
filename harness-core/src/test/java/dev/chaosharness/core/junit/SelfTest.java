package dev.chaosharness.core.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a specimen test class that only runs through {@link Specimens#run(Class[])} (JUnit's
 * EngineTestKit), never in the normal test run nor from an IDE: it is the subject of a test,
 * and some of its tests fail on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Specimens.OnlyThroughEngineTestKit.class)
@interface SelfTest {}
