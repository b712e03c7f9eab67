/** Grafana dashboards as code for the harness KPIs and the sample system. */
package dev.chaosharness.dashboards;
