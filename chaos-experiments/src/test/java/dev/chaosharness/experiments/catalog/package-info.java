/** The chaos catalog run against the embedded sample shop: each experiment passes on the clean shop and fails on its defect. */
package dev.chaosharness.experiments.catalog;
