/**
 * The JUnit 5 extension ({@link dev.chaosharness.core.junit.HarnessTest}, {@link
 * dev.chaosharness.core.junit.HarnessExtension}) that gives tests a running environment, faults,
 * traffic, history and timeline by parameter injection, and the fluent assertions over journals
 * and verdicts ({@link dev.chaosharness.core.junit.HarnessAssertions}).
 */
package dev.chaosharness.core.junit;
