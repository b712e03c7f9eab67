/** Consumer-driven contracts (HTTP and message pacts) for the sample system. */
package dev.chaosharness.contracts;
