package dev.reco.features.events;

/**
 * Stable sort of rows by (int key, long time): a counting sort by key, then a stable merge sort
 * of each key's run by time (skipped when the run is already in order, the usual case for logs
 * written in time order). O(n + keys) plus O(r log r) per unsorted run of length r.
 */
final class GroupSort {
  private GroupSort() {}

  /**
   * Returns the permutation; {@code offsets} (length {@code keys + 1}) receives the run starts.
   *
   * @param key per row, in {@code [0, keys)}
   * @param time per row
   */
  static int[] sort(int[] key, long[] time, int keys, int[] offsets) {
    int n = key.length;
    for (int i = 0; i < n; i++) {
      offsets[key[i] + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      offsets[k + 1] += offsets[k];
    }
    int[] next = new int[keys];
    System.arraycopy(offsets, 0, next, 0, keys);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[next[key[i]]++] = i;
    }
    int[] buffer = null;
    for (int k = 0; k < keys; k++) {
      int lo = offsets[k];
      int hi = offsets[k + 1];
      boolean sorted = true;
      for (int i = lo + 1; i < hi; i++) {
        if (time[perm[i]] < time[perm[i - 1]]) {
          sorted = false;
          break;
        }
      }
      if (!sorted) {
        if (buffer == null) {
          buffer = new int[n];
        }
        mergeSort(perm, buffer, lo, hi, time);
      }
    }
    return perm;
  }

  private static void mergeSort(int[] a, int[] tmp, int lo, int hi, long[] time) {
    if (hi - lo < 24) {
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        long t = time[v];
        int j = i - 1;
        while (j >= lo && time[a[j]] > t) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, lo, mid, time);
    mergeSort(a, tmp, mid, hi, time);
    if (time[a[mid - 1]] <= time[a[mid]]) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && time[tmp[i]] <= time[tmp[j]])) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
