/**
 * Train/test splits of {@link dev.reco.core.Interactions} for offline evaluation.
 *
 * <p>{@link dev.reco.core.split.Splitter} has one factory per rule: seeded random holdout,
 * per-user fraction (random or latest by time), per-user leave-last-n, and a global time cutoff
 * (fixed, or at a timestamp quantile); {@link dev.reco.core.split.KFold} gives k-fold
 * cross-validation. Each returns a {@link dev.reco.core.split.Split}: train and test tables that
 * share the source's user and item indexes, keep the source's row order, and partition its rows
 * (nothing dropped), plus a {@link dev.reco.core.split.SplitReport} that counts test-only
 * (cold-start) users and items.
 *
 * <p>Temporal splitters guarantee that no test row precedes a train row in their scope (per user
 * for leave-last-n and by-time per-user fraction; the whole table for global time). Random
 * holdout, random per-user fraction and k-fold do not, and leak future events into training.
 * Splits are deterministic: the same data and seed give the same split on any thread. See
 * {@code docs/splits.md} for the exact rules.
 */
package dev.reco.core.split;
