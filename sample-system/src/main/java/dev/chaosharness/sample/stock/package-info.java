/** The stock service: reserves stock for paid orders and releases it on compensation. */
package dev.chaosharness.sample.stock;
