/** Predictable synthetic traffic: Gatling simulations, the traffic driver and production synthetics. */
package dev.chaosharness.traffic;
