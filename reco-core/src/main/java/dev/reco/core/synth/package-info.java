/**
 * Seeded synthetic e-commerce data at any scale: {@link dev.reco.core.synth.SyntheticConfig}
 * describes the catalog, the planted taste clusters, the funnel and the calendar;
 * {@link dev.reco.core.synth.SyntheticData#generate} builds the catalog and replays a
 * time-ordered stream of view / add-to-cart / purchase events into an
 * {@link dev.reco.core.synth.EventSink}, an {@link dev.reco.core.Interactions} table or a CSV
 * file. The same seed always gives the same data.
 */
package dev.reco.core.synth;
