#!/usr/bin/env python3
"""Peer timing for SplitBenchmark: leave-last-1 and per-user time fraction with pandas.

The usual Python way (e.g. Microsoft Recommenders' python_chrono_split): rank each user's rows
by timestamp with groupby, then select. Same shape as SplitBenchmark (100k users, random
timestamps; seeded, not the identical values). Prints median and min over --repeat runs.

    /usr/bin/python3 tools/bench/pandas_split.py --rows 10000000 --repeat 5

Needs Debian's python3-pandas. Not run by CI.
"""
import argparse
import statistics
import time

import numpy as np
import pandas as pd

USERS, ITEMS = 100_000, 20_000


def leave_last_one(df):
    rank = df.groupby("user", sort=False)["ts"].rank(method="first", ascending=False)
    test = rank <= 1
    counts = df.groupby("user", sort=False)["user"].transform("size")
    test &= counts > 1
    return df[~test], df[test]


def per_user_fraction(df, fraction=0.2):
    order = df.groupby("user", sort=False)["ts"].rank(method="first")
    counts = df.groupby("user", sort=False)["user"].transform("size")
    n_test = np.minimum(np.round(counts * fraction), counts - 1).clip(lower=0)
    test = order > counts - n_test
    return df[~test], df[test]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    rng = np.random.default_rng(11)
    df = pd.DataFrame({
        "user": rng.integers(0, USERS, a.rows, dtype=np.int32),
        "item": rng.integers(0, ITEMS, a.rows, dtype=np.int32),
        "value": np.ones(a.rows, dtype=np.float32),
        "ts": rng.integers(1_600_000_000_000, 1_700_000_000_000, a.rows, dtype=np.int64),
    })
    for name, fn in (("leaveLastOne", leave_last_one), ("perUserFractionByTime", per_user_fraction)):
        times = []
        for _ in range(a.repeat + 1):
            t0 = time.perf_counter()
            train, test = fn(df)
            times.append(time.perf_counter() - t0)
        times = times[1:]
        print(f"pandas {pd.__version__} {name} rows={a.rows} test={len(test)} "
              f"median {statistics.median(times)*1000:.0f} ms  min {min(times)*1000:.0f} ms")


if __name__ == "__main__":
    main()
