/** The service kit every sample service stands on: config, HTTP, database, outbox, inbox, tracing, metrics, logs. */
package dev.chaosharness.sample.kit;
