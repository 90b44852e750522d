/**
 * Event-window aggregations with point-in-time correctness: an {@link
 * dev.reco.features.events.EventLog} sorted by (entity, time), {@link
 * dev.reco.features.events.WindowFeatures} computed for (entity, as-of time) requests in one
 * pass over the sorted events, fitted {@link dev.reco.features.events.RfmScorer RFM scores},
 * {@link dev.reco.features.events.Labels labels} after a cutoff and leakage-free {@link
 * dev.reco.features.events.TrainingSet training sets}.
 *
 * <p>The point-in-time rule: a feature for (entity, asOf) uses only that entity's events with
 * timestamp strictly before {@code asOf}; a label for (entity, cutoff, horizon) uses only events
 * in {@code [cutoff, cutoff + horizon)}. See {@code docs/features-events.md}.
 */
package dev.reco.features.events;
