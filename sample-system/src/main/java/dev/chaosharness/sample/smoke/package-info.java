/** A smoke run of the shop: a seeded order mix over every saga path, timed from placement to outcome. */
package dev.chaosharness.sample.smoke;
