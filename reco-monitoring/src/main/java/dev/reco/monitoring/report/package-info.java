/**
 * Drift reports: a {@link dev.reco.monitoring.drift.DatasetDrift} comparison rendered as JSON
 * and as one self-contained HTML file with inline SVG charts.
 *
 * <p>{@link dev.reco.monitoring.report.DriftReport} is the entry point. The HTML needs no
 * network: no scripts, fonts or style sheets are loaded from anywhere; the charts overlay the
 * reference and current distribution of every column. See {@code docs/drift-reports.md}.
 */
package dev.reco.monitoring.report;
