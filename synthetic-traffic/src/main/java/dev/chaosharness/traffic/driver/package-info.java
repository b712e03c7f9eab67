/** The Gatling traffic driver: runs the simulations in a child JVM and reads their traffic log. */
package dev.chaosharness.traffic.driver;
