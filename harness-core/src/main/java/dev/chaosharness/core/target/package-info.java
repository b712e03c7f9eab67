/** The target description: what the harness may observe and fault in a running system, and its YAML file. */
package dev.chaosharness.core.target;
