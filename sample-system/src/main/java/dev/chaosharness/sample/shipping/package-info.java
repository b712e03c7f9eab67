/** The shipping service: schedules shipments for orders whose stock is reserved. */
package dev.chaosharness.sample.shipping;
