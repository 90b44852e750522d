package dev.reco.core.registry;

import dev.reco.core.store.Names;
import java.util.Locale;

/**
 * The names and texts only a registry has: model names, aliases (which start with a letter, and
 * of which {@code latest} is reserved), version numbers, and the actor and reason of an alias
 * event. The character rules are those of {@link Names}.
 */
final class ModelNames {
  /** Longest actor in an alias event. */
  static final int MAX_ACTOR_LENGTH = 256;
  /** Longest reason in an alias event. */
  static final int MAX_REASON_LENGTH = 4096;
  /** The reserved alias that resolves to the highest active version. */
  static final String LATEST = "latest";

  private ModelNames() {}

  static String model(String name) {
    return Names.check("model name", name, Names.MAX_NAME_LENGTH, false);
  }

  /** Checks an alias that is to be set or deleted: a valid name and not the reserved one. */
  static String alias(String alias) {
    Names.check("alias", alias, Names.MAX_NAME_LENGTH, true);
    if (alias.toLowerCase(Locale.ROOT).equals(LATEST)) {
      throw new IllegalArgumentException("alias = " + Names.quote(alias)
          + "; expected a name other than '" + LATEST + "', which is reserved for the highest"
          + " active version");
    }
    return alias;
  }

  /** Checks an alias that is to be resolved: {@code latest} is allowed. */
  static String aliasLookup(String alias) {
    return Names.check("alias", alias, Names.MAX_NAME_LENGTH, true);
  }

  static int version(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("version = " + version + "; expected version >= 1");
    }
    return version;
  }

  static String actor(String actor) {
    Names.text("actor", actor, MAX_ACTOR_LENGTH);
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor = " + Names.quote(actor)
          + "; expected a non-blank name of who made the change");
    }
    return actor;
  }

  static String reason(String reason) {
    return Names.text("reason", reason, MAX_REASON_LENGTH);
  }
}
