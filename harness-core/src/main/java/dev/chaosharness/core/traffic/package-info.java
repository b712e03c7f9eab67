/** Synthetic traffic: the driver interface, its plan, the traffic log and typed results. */
package dev.chaosharness.core.traffic;
