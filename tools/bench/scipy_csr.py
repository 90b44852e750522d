#!/usr/bin/env python3
"""Peer timing for InteractionsBenchmark: SciPy COO -> CSR and CSR -> CSC on the same shape.

Draws the same kind of data as InteractionsBenchmark (100k users, 20k items, uniform random
pairs, float32 values 1..5; seeded, not the identical values), then times
scipy.sparse.coo_matrix(...).tocsr() (sums duplicates, sorts indices as reco's CsrMatrix does)
and the transpose to item x user CSR. Prints median and min over --repeat runs.

    /usr/bin/python3 tools/bench/scipy_csr.py --rows 10000000 --repeat 5

Needs Debian's python3-scipy. Not run by CI.
"""
import argparse
import statistics
import time

import numpy as np
import scipy
import scipy.sparse as sp

USERS, ITEMS = 100_000, 20_000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    rng = np.random.default_rng(7)
    u = rng.integers(0, USERS, a.rows, dtype=np.int32)
    i = rng.integers(0, ITEMS, a.rows, dtype=np.int32)
    v = rng.integers(1, 6, a.rows).astype(np.float32)
    build, transpose = [], []
    for _ in range(a.repeat + 1):
        t0 = time.perf_counter()
        m = sp.coo_matrix((v, (u, i)), shape=(USERS, ITEMS)).tocsr()
        m.sum_duplicates()
        m.sort_indices()
        t1 = time.perf_counter()
        t = m.T.tocsr()
        t.sort_indices()
        t2 = time.perf_counter()
        build.append(t1 - t0)
        transpose.append(t2 - t1)
    build, transpose = build[1:], transpose[1:]  # first run warms caches
    print(f"scipy {scipy.__version__} rows={a.rows} nnz={m.nnz}")
    print(f"coo->csr   median {statistics.median(build)*1000:.1f} ms  min {min(build)*1000:.1f} ms")
    print(f"transpose  median {statistics.median(transpose)*1000:.1f} ms  min {min(transpose)*1000:.1f} ms")


if __name__ == "__main__":
    main()
