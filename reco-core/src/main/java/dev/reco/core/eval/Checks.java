package dev.reco.core.eval;

import java.util.Arrays;
import java.util.Objects;

/** Argument checks shared by the metric classes; every message names the value and the expectation. */
final class Checks {
  private Checks() {}

  static void k(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + "; expected k >= 1");
    }
  }

  static void length(int[] ranked, int length) {
    Objects.requireNonNull(ranked, "ranked");
    if (length < 0 || length > ranked.length) {
      throw new IllegalArgumentException("length = " + length + " with ranked.length = "
          + ranked.length + "; expected 0 <= length <= ranked.length");
    }
  }

  /** Rejects a ranked list whose first {@code length} entries repeat an item. */
  static void distinct(int[] ranked, int length, int[] scratch) {
    if (length <= 32) {
      for (int i = 1; i < length; i++) {
        int item = ranked[i];
        for (int j = 0; j < i; j++) {
          if (ranked[j] == item) {
            throw duplicate(item, j, i);
          }
        }
      }
      return;
    }
    int[] sorted = scratch != null && scratch.length >= length ? scratch : new int[length];
    System.arraycopy(ranked, 0, sorted, 0, length);
    Arrays.sort(sorted, 0, length);
    for (int i = 1; i < length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        int item = sorted[i];
        int first = -1;
        for (int p = 0; p < length; p++) {
          if (ranked[p] == item) {
            if (first < 0) {
              first = p;
            } else {
              throw duplicate(item, first, p);
            }
          }
        }
      }
    }
  }

  private static IllegalArgumentException duplicate(int item, int first, int second) {
    return new IllegalArgumentException("ranked[" + second + "] = " + item + " repeats ranked["
        + first + "]; expected distinct items in a ranked list");
  }

  /** Rejects an empty or unsorted relevant set. */
  static void relevant(int[] relevant) {
    Objects.requireNonNull(relevant, "relevant");
    if (relevant.length == 0) {
      throw new IllegalArgumentException("relevant is empty; expected at least one relevant item"
          + " (users without relevant items are left out of averages by the caller)");
    }
    for (int i = 1; i < relevant.length; i++) {
      if (relevant[i] <= relevant[i - 1]) {
        throw new IllegalArgumentException("relevant[" + i + "] = " + relevant[i]
            + " after relevant[" + (i - 1) + "] = " + relevant[i - 1]
            + "; expected strictly increasing item ids");
      }
    }
  }

  /** Rejects grades not aligned with {@code relevant}, or not finite and positive. */
  static void grades(int[] relevant, float[] grades) {
    if (grades == null) {
      return;
    }
    if (grades.length != relevant.length) {
      throw new IllegalArgumentException("grades.length = " + grades.length
          + " with relevant.length = " + relevant.length + "; expected equal lengths");
    }
    for (int i = 0; i < grades.length; i++) {
      float g = grades[i];
      if (!(g > 0f) || Float.isInfinite(g)) {
        throw new IllegalArgumentException("grades[" + i + "] = " + g + " for item " + relevant[i]
            + "; expected a finite grade > 0 (leave items of grade 0 out of the relevant set)");
      }
    }
  }

  static void sameLength(String a, int lengthA, String b, int lengthB) {
    if (lengthA != lengthB) {
      throw new IllegalArgumentException(a + ".length = " + lengthA + " with " + b + ".length = "
          + lengthB + "; expected equal lengths");
    }
  }

  static void nonEmpty(String name, int length) {
    if (length == 0) {
      throw new IllegalArgumentException(name + " is empty; expected at least one value");
    }
  }

  static void finite(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + values[i] + "; expected a finite value");
      }
    }
  }

  static void finite(String name, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + values[i] + "; expected a finite value");
      }
    }
  }
}
