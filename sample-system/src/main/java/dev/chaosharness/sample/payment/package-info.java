/** The payment service: charges through the external provider and refunds on compensation. */
package dev.chaosharness.sample.payment;
