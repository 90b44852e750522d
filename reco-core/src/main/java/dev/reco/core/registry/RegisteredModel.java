package dev.reco.core.registry;

import dev.reco.core.store.Names;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named model in a {@link ModelRegistry}: a snapshot of its tags and aliases. Immutable; maps
 * iterate in key order. A model comes into existence with its first registered version.
 *
 * @param name the model name
 * @param createdAt when its first version was registered
 * @param tags the model's tags
 * @param aliases each alias and the version it points to, e.g. {@code champion -> 3}
 */
public record RegisteredModel(
    String name,
    Instant createdAt,
    Map<String, String> tags,
    Map<String, Integer> aliases) {

  /**
   * Validates and copies the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the name, a tag or an alias is invalid, or an alias
   *     points to a version below 1
   */
  public RegisteredModel {
    ModelNames.model(name);
    Objects.requireNonNull(createdAt, "createdAt");
    tags = Names.textMap("tag", tags);
    Objects.requireNonNull(aliases, "aliases");
    TreeMap<String, Integer> a = new TreeMap<>();
    for (Map.Entry<String, Integer> e : aliases.entrySet()) {
      a.put(ModelNames.alias(e.getKey()), ModelNames.version(Objects.requireNonNull(e.getValue(), "version")));
    }
    aliases = Collections.unmodifiableMap(a);
  }
}
