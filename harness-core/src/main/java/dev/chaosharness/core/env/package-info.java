/** Environments that start or reach a target: embedded processes, containers, or an external system. */
package dev.chaosharness.core.env;
