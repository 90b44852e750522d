package dev.reco.core.registry;

import dev.reco.core.format.FormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The rules both registry implementations share: alias checks, rollback, messages. */
final class RegistryRules {
  private RegistryRules() {}

  static NotFoundException noModel(String model) {
    return new NotFoundException("model '" + model + "' does not exist; expected a registered model");
  }

  static NotFoundException noVersion(String model, int version) {
    return new NotFoundException("version " + version + " of model '" + model
        + "' does not exist; expected an existing (not deleted) version");
  }

  /** Refuses a new model whose name differs only in case from an existing one. */
  static void checkCaseCollision(String model, Collection<String> existing) {
    for (String other : existing) {
      if (!other.equals(model) && other.equalsIgnoreCase(model)) {
        throw new IllegalArgumentException("model name = '" + model
            + "' differs only in case from existing model '" + other
            + "'; expected a name that stays distinct on case-insensitive file systems");
      }
    }
  }

  static List<String> aliasesOf(Map<String, Integer> aliases, int version) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Integer> e : aliases.entrySet()) {
      if (e.getValue() == version) {
        names.add(e.getKey());
      }
    }
    return names;
  }

  /** Refuses to archive or delete a version that an alias points to. */
  static void checkNotAliased(String verb, String model, int version, Map<String, Integer> aliases) {
    List<String> names = aliasesOf(aliases, version);
    if (!names.isEmpty()) {
      throw new IllegalStateException("cannot " + verb + " version " + version + " of model '"
          + model + "': alias" + (names.size() > 1 ? "es " : " ") + quoteAll(names)
          + (names.size() > 1 ? " point" : " points") + " to it; expected a version no alias"
          + " points to (move or delete the alias first)");
    }
  }

  static void checkActive(ModelVersion v, String what) {
    if (v.status() != VersionStatus.ACTIVE) {
      throw new IllegalStateException("cannot " + what + ": version " + v.version() + " of model '"
          + v.model() + "' is " + v.status() + "; expected an ACTIVE version (restore it first)");
    }
  }

  static Optional<ModelVersion> latest(Collection<ModelVersion> versions) {
    ModelVersion best = null;
    for (ModelVersion v : versions) {
      if (v.status() == VersionStatus.ACTIVE && (best == null || v.version() > best.version())) {
        best = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Applies an event to an alias map, checking that it continues the map's state: its
   * {@code from} must be what the alias pointed to.
   */
  static void apply(Map<String, Integer> aliases, AliasEvent e, String source) {
    Integer current = aliases.get(e.alias());
    if (!Objects.equals(current, e.from())) {
      throw new FormatException(source + ": event " + e.sequence() + " changes alias '" + e.alias()
          + "' from " + describe(e.from()) + ", but it pointed to " + describe(current)
          + "; expected each event to continue the previous state");
    }
    if (e.to() == null) {
      aliases.remove(e.alias());
    } else {
      aliases.put(e.alias(), e.to());
    }
  }

  /**
   * Finds where a rollback of {@code alias} goes: the states of the alias form an undo stack
   * (every set, move and delete pushes the new state, 0 for "not set"; every rollback pops one),
   * and the target is the state below the top.
   *
   * @throws IllegalStateException if there is no earlier state or it is "not set"
   */
  static int rollbackTarget(List<AliasEvent> events, String model, String alias) {
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    stack.push(0);
    int changes = 0;
    for (AliasEvent e : events) {
      if (!e.alias().equals(alias)) {
        continue;
      }
      changes++;
      int to = e.to() == null ? 0 : e.to();
      if (e.action() == AliasEvent.Action.ROLLBACK) {
        if (stack.size() >= 2) {
          stack.pop();
        }
        if (stack.peek() != to) {
          stack.push(to);
        }
      } else {
        stack.push(to);
      }
    }
    if (changes == 0) {
      throw new IllegalStateException("cannot roll back alias '" + alias + "' of model '" + model
          + "': it has no history; expected an alias that was set and then changed");
    }
    Iterator<Integer> it = stack.iterator();
    int current = it.next();
    int previous = it.hasNext() ? it.next() : 0;
    if (previous == 0) {
      throw new IllegalStateException("cannot roll back alias '" + alias + "' of model '" + model
          + "': before it pointed to " + describe(current == 0 ? null : current)
          + " it was not set, so there is no earlier target; expected an alias with an earlier"
          + " target still in its history");
    }
    return previous;
  }

  static String describe(Integer version) {
    return version == null ? "nothing" : "version " + version;
  }

  private static String quoteAll(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append('\'').append(names.get(i)).append('\'');
    }
    return b.toString();
  }
}
