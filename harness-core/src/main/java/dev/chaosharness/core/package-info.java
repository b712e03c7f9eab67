/** The harness library: everything a test or a game day needs to drive, fault, observe and check a system. */
package dev.chaosharness.core;
