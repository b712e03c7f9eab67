/** The self-contained HTML report of an experiment run: verdict, KPI charts with fault windows, checks and goals. */
package dev.chaosharness.core.report;
