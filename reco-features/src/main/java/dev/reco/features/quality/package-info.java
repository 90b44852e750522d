/**
 * Data quality: declare what a {@link dev.reco.features.table.Table} should look like (a
 * {@link dev.reco.features.quality.QualitySchema} of {@link dev.reco.features.quality.ColumnRule}s:
 * type, allowed missing fraction, numeric range, allowed categories, uniqueness, composite keys)
 * and check it with {@link dev.reco.features.quality.DataQuality} into a
 * {@link dev.reco.features.quality.DataQualityReport} (completeness, validity, uniqueness,
 * out-of-range and unseen-category counts per column, examples of offending rows), written as
 * versioned JSON or a text summary. {@link dev.reco.features.quality.DataQuality#requireValid}
 * throws a {@link dev.reco.features.quality.DataQualityException} on any violation.
 */
package dev.reco.features.quality;
