/** The backend for frontends: web and mobile order views from its own view of the event stream. */
package dev.chaosharness.sample.bff;
