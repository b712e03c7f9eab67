/** The JUnit 5 extension against the real sample shop. */
package dev.chaosharness.experiments.junit;
