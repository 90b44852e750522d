/**
 * A small columnar table: named primitive columns ({@link dev.reco.features.table.DoubleColumn},
 * {@link dev.reco.features.table.LongColumn}, {@link dev.reco.features.table.CategoricalColumn}
 * with its dictionary, {@link dev.reco.features.table.BooleanColumn}), missing values represented
 * explicitly, no boxed values. {@link dev.reco.features.table.Table} is immutable; transforms and
 * quality checks read it column by column.
 */
package dev.reco.features.table;
