/** Saga specification and the checkers that prove, from a recorded history, that a saga behaved. */
package dev.chaosharness.core.check;
