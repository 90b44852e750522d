/**
 * Feature engineering for recommendation and propensity models: columnar tables
 * ({@link dev.reco.features.table}), fitted transforms and pipelines saved as JSON
 * ({@link dev.reco.features.transform}), event-window aggregations with point-in-time joins and
 * labels ({@link dev.reco.features.events}) and data-quality checks
 * ({@link dev.reco.features.quality}). The same fitted pipeline serves training and serving, so
 * there is no train/serve skew. See {@code docs/features.md}.
 */
package dev.reco.features;
