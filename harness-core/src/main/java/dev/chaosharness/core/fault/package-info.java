/** Fault kinds (network, HTTP dependency, process) and the ledger that guarantees their revert. */
package dev.chaosharness.core.fault;
