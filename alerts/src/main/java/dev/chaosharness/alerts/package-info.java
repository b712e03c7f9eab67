/** Prometheus alert and recording rules for the sample system's KPIs. */
package dev.chaosharness.alerts;
