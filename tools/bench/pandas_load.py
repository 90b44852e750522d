#!/usr/bin/env python3
"""Peer timing for LoaderBenchmark: pandas.read_csv on a u.data-style file.

Loads a tab-separated file ``user<TAB>item<TAB>rating<TAB>unix-seconds`` (no header) into the
same output reco's DelimitedLoader produces: dense user and item codes in first-seen order
(pandas.factorize, like IdIndex), float32 ratings and int64 epoch-millisecond timestamps. Prints
the median and minimum wall time of several runs.

Write the same seeded file the JMH benchmark uses, then time it:

    java -cp benchmarks/target/benchmarks.jar dev.reco.benchmarks.LoaderBenchmark \
        write 10000000 /tmp/u10m.data
    python3 tools/bench/pandas_load.py /tmp/u10m.data --repeat 5

Modes (--ids): "str" reads ids as strings, as reco does (ids are opaque text); "int" lets pandas
parse ids as int64 first, which is faster but only valid for numeric ids. Not run by CI.
"""
import argparse
import statistics
import sys
import time

import numpy as np
import pandas as pd


def load(path, ids):
    id_type = "str" if ids == "str" else "int64"
    df = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=["user", "item", "rating", "timestamp"],
        dtype={"user": id_type, "item": id_type, "rating": "float32", "timestamp": "int64"},
        engine="c",
    )
    user_codes, user_ids = pd.factorize(df["user"], sort=False)
    item_codes, item_ids = pd.factorize(df["item"], sort=False)
    ratings = df["rating"].to_numpy(dtype=np.float32)
    millis = df["timestamp"].to_numpy(dtype=np.int64) * 1000
    return user_codes.astype(np.int32), item_codes.astype(np.int32), ratings, millis, user_ids, item_ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="u.data-style file (see LoaderBenchmark write)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument("--ids", choices=["str", "int"], default="str",
                        help="read ids as strings (like reco, default) or as int64")
    args = parser.parse_args()
    if args.repeat < 1 or args.warmup < 0:
        parser.error("--repeat must be >= 1 and --warmup >= 0")

    for _ in range(args.warmup):
        load(args.path, args.ids)
    times = []
    rows = users = items = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        u, i, r, t, user_ids, item_ids = load(args.path, args.ids)
        times.append((time.perf_counter() - start) * 1000.0)
        rows, users, items = len(u), len(user_ids), len(item_ids)
    print(f"pandas {pd.__version__} numpy {np.__version__} python {sys.version.split()[0]}")
    print(f"read_csv + factorize (ids as {args.ids}): rows={rows} users={users} items={items}")
    print(f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms over {args.repeat} runs: "
          + ", ".join(f"{x:.0f}" for x in times))


if __name__ == "__main__":
    main()
