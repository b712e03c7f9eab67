/** The order service: accepts orders over HTTP, starts the saga and ends it with its outcome. */
package dev.chaosharness.sample.order;
