/** Experiment files (Chaos Toolkit's format plus the harness's extensions), the runner and its journal. */
package dev.chaosharness.core.experiment;
