/** End-to-end tests of the order saga on a real Kafka broker and real PostgreSQL. */
package dev.chaosharness.sample.saga;
