package dev.reco.core.tracking;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validation of every name that can become part of a path or a key in a tracker: run ids,
 * experiment names, artifact names, parameter, tag and metric keys. The rules are those of the
 * model registry, so a name valid in one is valid in the other: ASCII only
 * ({@code A-Z a-z 0-9 . _ -}), starting with a letter or digit (no {@code ".."}, no hidden files),
 * not ending with {@code '.'} (Windows drops it), not a Windows device name such as {@code CON} or
 * {@code nul.txt}; names at most 64 characters, keys at most 128, values at most 8192 chars of
 * text encodable as UTF-8.
 */
final class TrackingNames {
  static final int MAX_NAME_LENGTH = 64;
  static final int MAX_KEY_LENGTH = 128;
  static final int MAX_VALUE_LENGTH = 8192;

  private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private TrackingNames() {}

  static String runId(String id) {
    return check("run id", id, MAX_NAME_LENGTH);
  }

  static String experiment(String name) {
    return check("experiment name", name, MAX_NAME_LENGTH);
  }

  static String artifactName(String name) {
    return check("artifact name", name, MAX_NAME_LENGTH);
  }

  static String key(String what, String key) {
    return check(what, key, MAX_KEY_LENGTH);
  }

  static long step(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + "; expected step >= 0");
    }
    return step;
  }

  /** Checks stored free text (tag and parameter values): bounded, encodable as UTF-8. */
  static String text(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(what + " = " + quote(value) + " (" + value.length()
          + " chars); expected at most " + MAX_VALUE_LENGTH + " chars");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " = " + quote(value)
            + " has an unpaired surrogate at index " + i + "; expected text encodable as UTF-8");
      }
    }
    return value;
  }

  /** Validates and copies a map of text values (parameters, tags) into key order. */
  static Map<String, String> textMap(String what, Map<String, String> map) {
    Objects.requireNonNull(map, what + "s");
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      String key = key(what + " key", Objects.requireNonNull(e.getKey(), what + " key"));
      copy.put(key, text(what + " '" + key + "'", e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static String check(String what, String s, int max) {
    Objects.requireNonNull(s, what);
    String expected = "; expected 1 to " + max + " characters from A-Z a-z 0-9 . _ -, starting"
        + " with a letter or digit and not ending with '.'";
    if (s.isEmpty() || s.length() > max) {
      throw new IllegalArgumentException(what + " = " + quote(s) + " (" + s.length() + " chars)"
          + expected);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean digit = c >= '0' && c <= '9';
      boolean ok = i == 0 ? letter || digit : letter || digit || c == '.' || c == '_' || c == '-';
      if (!ok) {
        throw new IllegalArgumentException(what + " = " + quote(s) + " has " + describe(c)
            + " at index " + i + expected);
      }
    }
    if (s.charAt(s.length() - 1) == '.') {
      throw new IllegalArgumentException(what + " = " + quote(s) + " ends with '.'" + expected);
    }
    int dot = s.indexOf('.');
    String base = (dot < 0 ? s : s.substring(0, dot)).toUpperCase(Locale.ROOT);
    if (WINDOWS_DEVICES.contains(base)) {
      throw new IllegalArgumentException(what + " = " + quote(s)
          + "; expected a name that is not a Windows device name (CON, PRN, AUX, NUL, COM1-9,"
          + " LPT1-9, with or without an extension)");
    }
    return s;
  }

  private static String describe(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format(Locale.ROOT, "character U+%04X", (int) c);
  }

  /** Quotes a value for a message: non-ASCII and control characters escaped, long values cut. */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("'");
    int n = Math.min(s.length(), 100);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    b.append('\'');
    if (s.length() > n) {
      b.append("...");
    }
    return b.toString();
  }
}
