/** A fake external card processor with its own HTTP API, idempotent by key. */
package dev.chaosharness.sample.provider;
