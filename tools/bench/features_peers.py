#!/usr/bin/env python3
"""Peers for docs/benchmarks.md ("Features"), run by hand on the benchmark machine:

    python3 tools/bench/features_peers.py

1. scikit-learn 1.2 ColumnTransformer with the ten steps of FeaturePipelineBenchmark on
   columns c0..c9 of a 1M x 50 float64 array (10% NaN, the same value distribution), the other
   40 columns passed through: fit once, then transform() timed (the analogue of reco's
   `features`, which also returns the dense matrix), and transform() of one row.
   Steps sklearn cannot run on NaN (binning, clipping at fitted quantiles) are numpy functions
   with fitted edges, NaN-preserving like reco's.
2. pandas 1.5 window aggregation: 10M events (1M users, 3 event types, prices), as of each
   user's last day: per window (7, 30, 90 days) the event count, purchase count and purchase
   sum, plus days since the last event: 10 features with boolean masks and groupby, the usual
   pandas way. reco's EventAggregationBenchmark computes 22 features on its synthetic log.
Prints medians and min of 5 runs after one warm-up run.
"""
import statistics
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, RobustScaler, StandardScaler


def timed(fn, runs=5):
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times)


def fitted_bins(x, edges):
    out = np.digitize(x, edges[1:-1]).astype(float)
    out[np.isnan(x)] = np.nan
    return out


def pipeline_peer():
    rng = np.random.default_rng(42)
    rows, cols = 1_000_000, 50
    x = np.exp(rng.random((rows, cols)) * 4) - 1
    x[rng.random((rows, cols)) < 0.1] = np.nan
    c6 = x[:, 6]
    lo, hi = np.nanquantile(c6, [0.01, 0.99])
    c7 = x[:, 7]
    width_edges = np.linspace(np.nanmin(c7), np.nanmax(c7), 11)
    quant_edges = np.nanquantile(x[:, 8], np.linspace(0, 1, 11))
    ct = ColumnTransformer([
        ("impute_median", SimpleImputer(strategy="median", add_indicator=True), [0]),
        ("standard", StandardScaler(), [1]),
        ("minmax", MinMaxScaler(), [2]),
        ("robust", RobustScaler(), [3]),
        ("log1p", FunctionTransformer(np.log1p), [4]),
        ("clip", FunctionTransformer(lambda a: np.clip(a, 1, 20)), [5]),
        ("winsorize", FunctionTransformer(lambda a: np.clip(a, lo, hi)), [6]),
        ("width_bins", FunctionTransformer(lambda a: fitted_bins(a, width_edges)), [7]),
        ("quantile_bins", FunctionTransformer(lambda a: fitted_bins(a, quant_edges)), [8]),
        ("impute_mean", SimpleImputer(strategy="mean"), [9]),
    ], remainder="passthrough")
    ct.fit(x)
    med, mn, mx = timed(lambda: ct.transform(x))
    print(f"sklearn ColumnTransformer.transform 1M x 50: median {med*1e3:.0f} ms (min {mn*1e3:.0f}, max {mx*1e3:.0f})")
    one = x[:1]
    reps = 200
    def single():
        for _ in range(reps):
            ct.transform(one)
    med, mn, mx = timed(single)
    print(f"sklearn ColumnTransformer.transform one row: median {med/reps*1e6:.0f} us (min {mn/reps*1e6:.0f})")


def aggregation_peer():
    rng = np.random.default_rng(7)
    n, users = 10_000_000, 1_000_000
    day = 86_400_000
    start = 1_767_225_600_000
    df = pd.DataFrame({
        "user": rng.integers(0, users, n),
        "ts": start + rng.integers(0, 90 * day, n),
        "type": rng.choice(np.array([0, 1, 2], dtype=np.int8), n, p=[0.8, 0.15, 0.05]),
        "value": rng.random(n) * 100,
    })
    as_of = start + 90 * day

    def features():
        age = as_of - df["ts"]
        purchase = df["type"] == 2
        out = {}
        g = df.groupby("user")
        out["days_since_last"] = (as_of - g["ts"].max()) / day
        for w in (7, 30, 90):
            inside = age < w * day
            out[f"count_{w}d"] = inside.groupby(df["user"]).sum()
            p = inside & purchase
            out[f"purchase_count_{w}d"] = p.groupby(df["user"]).sum()
            out[f"purchase_sum_{w}d"] = df["value"].where(p, 0.0).groupby(df["user"]).sum()
        return pd.DataFrame(out)

    med, mn, mx = timed(features)
    print(f"pandas window aggregation 10M events, 1M users, 10 features: median {med:.2f} s (min {mn:.2f}, max {mx:.2f})")


if __name__ == "__main__":
    pipeline_peer()
    aggregation_peer()
