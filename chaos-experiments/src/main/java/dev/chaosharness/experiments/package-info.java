/** The chaos experiment catalog and the harness command-line app. */
package dev.chaosharness.experiments;
