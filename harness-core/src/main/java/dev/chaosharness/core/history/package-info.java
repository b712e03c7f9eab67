/** Event capture: the recorded saga events, their compact in-memory store and the history file. */
package dev.chaosharness.core.history;
