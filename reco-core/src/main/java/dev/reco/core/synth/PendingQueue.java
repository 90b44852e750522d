package dev.reco.core.synth;

import java.util.Arrays;

/**
 * Funnel events waiting for their due time: a binary min-heap on (due time, insertion number)
 * over primitive arrays, so equal due times leave in insertion order. Its size is about the event
 * rate times the mean funnel delay, independent of the stream length. Not thread-safe; one per
 * stream.
 */
final class PendingQueue {
  private long[] due = new long[16];
  private long[] seq = new long[16];
  private int[] user = new int[16];
  private int[] item = new int[16];
  private byte[] type = new byte[16];
  private int size;
  private long nextSeq;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Returns the earliest due time; only valid when not empty. */
  long peekDue() {
    return due[0];
  }

  /** Returns the user of the earliest entry; only valid when not empty. */
  int peekUser() {
    return user[0];
  }

  /** Returns the item of the earliest entry; only valid when not empty. */
  int peekItem() {
    return item[0];
  }

  /** Returns the event-type ordinal of the earliest entry; only valid when not empty. */
  int peekType() {
    return type[0];
  }

  void add(long dueMillis, int u, int i, int typeOrdinal) {
    if (size == due.length) {
      int capacity = size * 2;
      due = Arrays.copyOf(due, capacity);
      seq = Arrays.copyOf(seq, capacity);
      user = Arrays.copyOf(user, capacity);
      item = Arrays.copyOf(item, capacity);
      type = Arrays.copyOf(type, capacity);
    }
    int k = size++;
    long s = nextSeq++;
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      if (!less(dueMillis, s, due[parent], seq[parent])) {
        break;
      }
      move(parent, k);
      k = parent;
    }
    set(k, dueMillis, s, u, i, (byte) typeOrdinal);
  }

  /** Removes the earliest entry (read it first with the peek methods). */
  void poll() {
    int n = --size;
    if (n == 0) {
      return;
    }
    long d = due[n];
    long s = seq[n];
    int u = user[n];
    int i = item[n];
    byte t = type[n];
    int k = 0;
    while (true) {
      int child = 2 * k + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && less(due[child + 1], seq[child + 1], due[child], seq[child])) {
        child++;
      }
      if (!less(due[child], seq[child], d, s)) {
        break;
      }
      move(child, k);
      k = child;
    }
    set(k, d, s, u, i, t);
  }

  private static boolean less(long d1, long s1, long d2, long s2) {
    return d1 < d2 || (d1 == d2 && s1 < s2);
  }

  private void move(int from, int to) {
    due[to] = due[from];
    seq[to] = seq[from];
    user[to] = user[from];
    item[to] = item[from];
    type[to] = type[from];
  }

  private void set(int k, long d, long s, int u, int i, byte t) {
    due[k] = d;
    seq[k] = s;
    user[k] = u;
    item[k] = i;
    type[k] = t;
  }
}
