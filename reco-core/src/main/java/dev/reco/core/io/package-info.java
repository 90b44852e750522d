/**
 * Loaders that turn delimited text files (CSV, TSV, MovieLens dumps) into
 * {@link dev.reco.core.Interactions}.
 *
 * <p>Describe the file with a {@link dev.reco.core.io.DelimitedFormat} (or take a preset from
 * {@link dev.reco.core.io.MovieLens}), say how to treat bad lines and repeated pairs with
 * {@link dev.reco.core.io.LoadOptions}, and call
 * {@link dev.reco.core.io.DelimitedLoader#load(java.nio.file.Path, DelimitedFormat, LoadOptions)}.
 * The result carries the interactions and a {@link dev.reco.core.io.LoadReport}. In
 * {@link dev.reco.core.io.ErrorMode#STRICT strict} mode the first bad line throws a
 * {@link dev.reco.core.io.DataLoadException} naming the file, line and expectation; in
 * {@link dev.reco.core.io.ErrorMode#LENIENT lenient} mode bad lines are skipped and counted by
 * {@link dev.reco.core.io.SkipReason}.
 *
 * <p>Every type here is immutable and thread-safe; the loader keeps no state between calls.
 */
package dev.reco.core.io;
