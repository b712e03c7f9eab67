/** The traffic benchmark: rate accuracy, highest sustained rate against wrk, start overhead. */
package dev.chaosharness.traffic.bench;
