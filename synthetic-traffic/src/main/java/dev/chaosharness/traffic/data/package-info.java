/** Seeded synthetic order data: reproducible inputs that choose each saga path. */
package dev.chaosharness.traffic.data;
