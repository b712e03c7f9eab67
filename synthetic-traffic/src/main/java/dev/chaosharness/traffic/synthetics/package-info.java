/** Production synthetics: short low-rate checks each cycle, their verdicts and their /metrics. */
package dev.chaosharness.traffic.synthetics;
