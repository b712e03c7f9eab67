/** Proofs that each saga checker fails on the real sample shop with its matching defect switch and holds without it. */
package dev.chaosharness.experiments.proof;
