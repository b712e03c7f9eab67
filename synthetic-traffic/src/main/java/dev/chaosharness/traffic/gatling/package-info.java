/** The Gatling Java DSL simulations: place-order and browse, open-model, seeded and marked synthetic. */
package dev.chaosharness.traffic.gatling;
