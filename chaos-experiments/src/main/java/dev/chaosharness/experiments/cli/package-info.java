/** The {@code harness} command line and its subcommands. */
package dev.chaosharness.experiments.cli;
