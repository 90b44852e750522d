/**
 * Feature engineering for recommendation and propensity models: fitted transforms and
 * pipelines saved as JSON, event-window aggregations, point-in-time joins and data-quality
 * checks. The same fitted pipeline serves training and serving, so there is no train/serve skew.
 */
package dev.reco.features;
