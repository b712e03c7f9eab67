/** The fault proxy: a Toxiproxy-compatible TCP proxy and HTTP API, embeddable or standalone. */
package dev.chaosharness.core.proxy;
