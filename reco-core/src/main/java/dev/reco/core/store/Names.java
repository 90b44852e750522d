package dev.reco.core.store;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validation of every name that can become part of a path or a key in a registry or tracker:
 * model names, aliases, tag and parameter keys, run ids, experiment and artifact names. Names are
 * ASCII only ({@code A-Z a-z 0-9 . _ -}), so they mean the same on every file system and cannot
 * hide a look-alike Unicode character; they cannot start with a separator or {@code '.'} (no
 * {@code ".."}, no hidden files), cannot end with {@code '.'} (Windows drops it) and cannot be a
 * Windows device name such as {@code CON} or {@code nul.txt}. A name valid in the registry is
 * valid in the tracker and the other way round. Every error is an
 * {@link IllegalArgumentException} whose message names what was checked, shows the value
 * ({@link #quote}) and says what was expected.
 */
public final class Names {
  /** Longest model name, alias, run id, experiment name or artifact name: 64 characters. */
  public static final int MAX_NAME_LENGTH = 64;
  /** Longest tag, parameter or metric key: 128 characters. */
  public static final int MAX_KEY_LENGTH = 128;
  /** Longest tag or parameter value: 8192 chars. */
  public static final int MAX_VALUE_LENGTH = 8192;

  private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private Names() {}

  /**
   * Checks a tag, parameter or metric key: a name of at most {@link #MAX_KEY_LENGTH} characters.
   *
   * @param what how the message names the key, e.g. {@code "tag key"}
   * @param key the key
   * @return {@code key}
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException if {@code key} is not a valid name
   */
  public static String key(String what, String key) {
    return check(what, key, MAX_KEY_LENGTH, false);
  }

  /**
   * Checks a run id: a name of at most {@link #MAX_NAME_LENGTH} characters.
   *
   * @param id the run id
   * @return {@code id}
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is not a valid name
   */
  public static String runId(String id) {
    return check("run id", id, MAX_NAME_LENGTH, false);
  }

  /**
   * Checks an experiment name: a name of at most {@link #MAX_NAME_LENGTH} characters.
   *
   * @param name the experiment name
   * @return {@code name}
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is not a valid name
   */
  public static String experiment(String name) {
    return check("experiment name", name, MAX_NAME_LENGTH, false);
  }

  /**
   * Checks an artifact name: a name of at most {@link #MAX_NAME_LENGTH} characters.
   *
   * @param name the artifact name
   * @return {@code name}
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is not a valid name
   */
  public static String artifactName(String name) {
    return check("artifact name", name, MAX_NAME_LENGTH, false);
  }

  /**
   * Checks stored free text (tag and parameter values, reasons): at most {@code maxLength} chars
   * and encodable as UTF-8 (no unpaired surrogate).
   *
   * @param what how the message names the value, e.g. {@code "tag 'team'"}
   * @param value the text
   * @param maxLength the longest text allowed, in chars
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is too long or not encodable as UTF-8
   */
  public static String text(String what, String value, int maxLength) {
    Objects.requireNonNull(value, what);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(what + " = " + quote(value) + " (" + value.length()
          + " chars); expected at most " + maxLength + " chars");
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

  /**
   * Validates a map of text values (parameters, tags) and copies it into key order: every key
   * with {@link #key}, every value with {@link #text} and {@link #MAX_VALUE_LENGTH}.
   *
   * @param what what one entry is, e.g. {@code "tag"}; messages say {@code "tag key"} and
   *     {@code "tag 'team'"}
   * @param map the entries
   * @return an unmodifiable copy sorted by key
   * @throws NullPointerException if {@code map}, a key or a value is null
   * @throws IllegalArgumentException if a key or a value is invalid
   */
  public static Map<String, String> textMap(String what, Map<String, String> map) {
    Objects.requireNonNull(map, what + "s");
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      String key = key(what + " key", Objects.requireNonNull(e.getKey(), what + " key"));
      copy.put(key, text(what + " '" + key + "'", e.getValue(), MAX_VALUE_LENGTH));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks a name: 1 to {@code max} characters from {@code A-Z a-z 0-9 . _ -}, starting with a
   * letter (or also a digit unless {@code letterFirst}), not ending with {@code '.'}, not a
   * Windows device name.
   *
   * @param what how the message names the value, e.g. {@code "model name"}
   * @param s the name
   * @param max the longest name allowed
   * @param letterFirst whether the first character must be a letter
   * @return {@code s}
   * @throws NullPointerException if {@code s} is null
   * @throws IllegalArgumentException if {@code s} breaks a rule
   */
  public static String check(String what, String s, int max, boolean letterFirst) {
    Objects.requireNonNull(s, what);
    String expected = "; expected 1 to " + max + " characters from A-Z a-z 0-9 . _ -, starting"
        + " with a letter" + (letterFirst ? "" : " or digit") + " and not ending with '.'";
    if (s.isEmpty() || s.length() > max) {
      throw new IllegalArgumentException(what + " = " + quote(s) + " (" + s.length() + " chars)"
          + expected);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean digit = c >= '0' && c <= '9';
      boolean ok = i == 0
          ? letter || (digit && !letterFirst)
          : letter || digit || c == '.' || c == '_' || c == '-';
      if (!ok) {
        throw new IllegalArgumentException(what + " = " + quote(s) + " has "
            + describe(c) + " at index " + i + expected);
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

  /**
   * Quotes a value for a message: non-printable and non-ASCII characters as {@code \}{@code uXXXX}
   * (so a look-alike letter is visible), values longer than 100 chars shortened.
   *
   * @param s the value, may be null
   * @return the value in single quotes, or {@code null}
   */
  public static String quote(String s) {
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
