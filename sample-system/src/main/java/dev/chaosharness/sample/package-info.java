/** The sample shop whose order saga runs by choreography over Kafka. */
package dev.chaosharness.sample;
