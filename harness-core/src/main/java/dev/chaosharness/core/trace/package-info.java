/** Traces: an OTLP/HTTP receiver services export to, and trace assertions over synthetic sagas. */
package dev.chaosharness.core.trace;
