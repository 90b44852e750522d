package dev.reco.core.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Validation of every name that can become part of a path or a key in a registry or tracker:
 * model names, aliases, tag and parameter keys, run ids, artifact names. Names are ASCII only
 * ({@code A-Z a-z 0-9 . _ -}), so they mean the same on every file system and cannot hide a
 * look-alike Unicode character; they cannot start with a separator or {@code '.'} (no {@code ".."},
 * no hidden files), cannot end with {@code '.'} (Windows drops it) and cannot be a Windows device
 * name such as {@code CON} or {@code nul.txt}.
 */
final class Names {
  /** Longest model name, alias, run id or artifact name. */
  static final int MAX_NAME_LENGTH = 64;
  /** Longest tag, parameter or metric key. */
  static final int MAX_KEY_LENGTH = 128;
  /** Longest tag or parameter value, in chars. */
  static final int MAX_VALUE_LENGTH = 8192;
  /** Longest actor in an alias event. */
  static final int MAX_ACTOR_LENGTH = 256;
  /** Longest reason in an alias event. */
  static final int MAX_REASON_LENGTH = 4096;
  /** The reserved alias that resolves to the highest active version. */
  static final String LATEST = "latest";

  private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private Names() {}

  static String model(String name) {
    return check("model name", name, MAX_NAME_LENGTH, false);
  }

  /** Checks an alias that is to be set or deleted: a valid name and not the reserved one. */
  static String alias(String alias) {
    check("alias", alias, MAX_NAME_LENGTH, true);
    if (alias.toLowerCase(Locale.ROOT).equals(LATEST)) {
      throw new IllegalArgumentException("alias = " + quote(alias)
          + "; expected a name other than '" + LATEST + "', which is reserved for the highest"
          + " active version");
    }
    return alias;
  }

  /** Checks an alias that is to be resolved: {@code latest} is allowed. */
  static String aliasLookup(String alias) {
    return check("alias", alias, MAX_NAME_LENGTH, true);
  }

  static String key(String what, String key) {
    return check(what, key, MAX_KEY_LENGTH, false);
  }

  static String runId(String id) {
    return check("run id", id, MAX_NAME_LENGTH, false);
  }

  static String experiment(String name) {
    return check("experiment name", name, MAX_NAME_LENGTH, false);
  }

  static String artifactName(String name) {
    return check("artifact name", name, MAX_NAME_LENGTH, false);
  }

  static int version(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("version = " + version + "; expected version >= 1");
    }
    return version;
  }

  /** Checks free text that is stored (tag and parameter values): bounded, encodable as UTF-8. */
  static String text(String what, String value, int maxLength) {
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

  static String actor(String actor) {
    text("actor", actor, MAX_ACTOR_LENGTH);
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor = " + quote(actor)
          + "; expected a non-blank name of who made the change");
    }
    return actor;
  }

  static String reason(String reason) {
    return text("reason", reason, MAX_REASON_LENGTH);
  }

  private static String check(String what, String s, int max, boolean letterFirst) {
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
   * (so a look-alike letter is visible), long values shortened.
   */
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
