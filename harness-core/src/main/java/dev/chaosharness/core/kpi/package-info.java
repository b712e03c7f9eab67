/** KPIs over time: the sampled timeline, Prometheus scraping, steady state and the recovery meter. */
package dev.chaosharness.core.kpi;
