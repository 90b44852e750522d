package dev.reco.core.registry;

import dev.reco.core.store.Names;
import dev.reco.core.store.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ModelRegistry} held in memory: for tests and ephemeral use. Every method is
 * synchronized on the registry; artifacts are copied in and out.
 */
final class InMemoryModelRegistry implements ModelRegistry {
  private final InstantSource clock;
  private final TreeMap<String, ModelState> models = new TreeMap<>();

  private static final class ModelState {
    final String name;
    final Instant createdAt;
    final TreeMap<String, String> tags = new TreeMap<>();
    final TreeMap<Integer, ModelVersion> versions = new TreeMap<>();
    final TreeMap<Integer, byte[]> artifacts = new TreeMap<>();
    final TreeMap<String, Integer> aliases = new TreeMap<>();
    final List<AliasEvent> events = new ArrayList<>();
    int lastVersion;

    ModelState(String name, Instant createdAt) {
      this.name = name;
      this.createdAt = createdAt;
    }

    RegisteredModel snapshot() {
      return new RegisteredModel(name, createdAt, tags, aliases);
    }
  }

  InMemoryModelRegistry(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ModelVersion register(String model, byte[] artifact, VersionMetadata metadata) {
    Objects.requireNonNull(artifact, "artifact");
    return registerBytes(model, artifact.clone(), metadata);
  }

  @Override
  public ModelVersion register(String model, ArtifactWriter artifact, VersionMetadata metadata) {
    ModelNames.model(model);
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(metadata, "metadata");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      artifact.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("artifact writer for model '" + model + "' failed: "
          + e.getMessage() + "; nothing was registered", e);
    }
    return registerBytes(model, out.toByteArray(), metadata);
  }

  private synchronized ModelVersion registerBytes(String model, byte[] bytes,
      VersionMetadata metadata) {
    ModelNames.model(model);
    Objects.requireNonNull(metadata, "metadata");
    ModelState m = models.get(model);
    Instant now = clock.instant();
    if (m == null) {
      RegistryRules.checkCaseCollision(model, models.keySet());
      m = new ModelState(model, now);
      models.put(model, m);
    }
    if (m.lastVersion == Integer.MAX_VALUE) {
      throw new IllegalStateException("model '" + model + "' has used every version number up to "
          + Integer.MAX_VALUE + "; expected a model with numbers left");
    }
    int n = m.lastVersion + 1;
    ModelVersion v = new ModelVersion(model, n, now, Sha256.of(bytes), bytes.length,
        VersionStatus.ACTIVE, metadata);
    m.lastVersion = n;
    m.versions.put(n, v);
    m.artifacts.put(n, bytes);
    return v;
  }

  @Override
  public synchronized List<String> models() {
    return List.copyOf(models.keySet());
  }

  @Override
  public synchronized Optional<RegisteredModel> model(String model) {
    ModelNames.model(model);
    ModelState m = models.get(model);
    return m == null ? Optional.empty() : Optional.of(m.snapshot());
  }

  @Override
  public synchronized List<ModelVersion> versions(String model) {
    return List.copyOf(state(model).versions.values());
  }

  @Override
  public synchronized Optional<ModelVersion> version(String model, int version) {
    ModelNames.model(model);
    ModelNames.version(version);
    ModelState m = models.get(model);
    return m == null ? Optional.empty() : Optional.ofNullable(m.versions.get(version));
  }

  @Override
  public synchronized Optional<ModelVersion> versionByAlias(String model, String alias) {
    ModelNames.model(model);
    ModelNames.aliasLookup(alias);
    ModelState m = models.get(model);
    if (m == null) {
      return Optional.empty();
    }
    if (alias.equals(ModelNames.LATEST)) {
      return RegistryRules.latest(m.versions.values());
    }
    Integer n = m.aliases.get(alias);
    return n == null ? Optional.empty() : Optional.of(m.versions.get(n));
  }

  @Override
  public synchronized List<ModelVersion> versionsFromRun(String runId) {
    Names.runId(runId);
    List<ModelVersion> out = new ArrayList<>();
    for (ModelState m : models.values()) {
      for (ModelVersion v : m.versions.values()) {
        if (runId.equals(v.metadata().sourceRunId())) {
          out.add(v);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public synchronized byte[] artifact(String model, int version) {
    existing(model, version);
    return state(model).artifacts.get(version).clone();
  }

  @Override
  public InputStream openArtifact(String model, int version) {
    return new ByteArrayInputStream(artifact(model, version));
  }

  @Override
  public synchronized Map<String, Integer> aliases(String model) {
    return Collections.unmodifiableMap(new TreeMap<>(state(model).aliases));
  }

  @Override
  public synchronized Optional<AliasEvent> setAlias(String model, String alias, int version,
      String actor, String reason) {
    ModelNames.alias(alias);
    ModelNames.actor(actor);
    ModelNames.reason(reason);
    ModelVersion v = existing(model, version);
    ModelState m = state(model);
    Integer current = m.aliases.get(alias);
    if (current != null && current == version) {
      return Optional.empty();
    }
    RegistryRules.checkActive(v, "point alias '" + alias + "' to it");
    return Optional.of(record(m, alias, current == null ? AliasEvent.Action.SET
        : AliasEvent.Action.MOVE, current, version, actor, reason));
  }

  @Override
  public synchronized AliasEvent deleteAlias(String model, String alias, String actor,
      String reason) {
    ModelNames.alias(alias);
    ModelNames.actor(actor);
    ModelNames.reason(reason);
    ModelState m = state(model);
    Integer current = m.aliases.get(alias);
    if (current == null) {
      throw new NotFoundException("alias '" + alias + "' of model '" + model
          + "' is not set; expected an existing alias");
    }
    return record(m, alias, AliasEvent.Action.DELETE, current, null, actor, reason);
  }

  @Override
  public synchronized AliasEvent rollback(String model, String alias, String actor,
      String reason) {
    ModelNames.alias(alias);
    ModelNames.actor(actor);
    ModelNames.reason(reason);
    ModelState m = state(model);
    int target = RegistryRules.rollbackTarget(m.events, model, alias);
    ModelVersion v = m.versions.get(target);
    if (v == null) {
      throw new IllegalStateException("cannot roll back alias '" + alias + "' of model '" + model
          + "' to version " + target + ": that version was deleted; expected an existing version");
    }
    RegistryRules.checkActive(v, "roll back alias '" + alias + "' to it");
    return record(m, alias, AliasEvent.Action.ROLLBACK, m.aliases.get(alias), target, actor, reason);
  }

  private AliasEvent record(ModelState m, String alias, AliasEvent.Action action, Integer from,
      Integer to, String actor, String reason) {
    AliasEvent e = new AliasEvent(m.events.size() + 1L, clock.instant(), m.name, alias, action,
        from, to, actor, reason);
    RegistryRules.apply(m.aliases, e, "in-memory registry");
    m.events.add(e);
    return e;
  }

  @Override
  public synchronized List<AliasEvent> auditLog(String model) {
    return List.copyOf(state(model).events);
  }

  @Override
  public synchronized RegisteredModel setModelTag(String model, String key, String value) {
    ModelState m = state(model);
    Names.key("tag key", key);
    Names.text("tag '" + key + "'", value, Names.MAX_VALUE_LENGTH);
    m.tags.put(key, value);
    return m.snapshot();
  }

  @Override
  public synchronized RegisteredModel removeModelTag(String model, String key) {
    ModelState m = state(model);
    Names.key("tag key", key);
    m.tags.remove(key);
    return m.snapshot();
  }

  @Override
  public synchronized ModelVersion setVersionTag(String model, int version, String key,
      String value) {
    ModelVersion v = existing(model, version);
    Names.key("tag key", key);
    TreeMap<String, String> tags = new TreeMap<>(v.metadata().tags());
    tags.put(key, value);
    return replace(v.withMetadata(v.metadata().withTags(tags)));
  }

  @Override
  public synchronized ModelVersion removeVersionTag(String model, int version, String key) {
    ModelVersion v = existing(model, version);
    Names.key("tag key", key);
    TreeMap<String, String> tags = new TreeMap<>(v.metadata().tags());
    tags.remove(key);
    return replace(v.withMetadata(v.metadata().withTags(tags)));
  }

  @Override
  public synchronized ModelVersion archive(String model, int version) {
    ModelVersion v = existing(model, version);
    if (v.status() == VersionStatus.ARCHIVED) {
      return v;
    }
    RegistryRules.checkNotAliased("archive", model, version, state(model).aliases);
    return replace(v.withStatus(VersionStatus.ARCHIVED));
  }

  @Override
  public synchronized ModelVersion restore(String model, int version) {
    ModelVersion v = existing(model, version);
    return v.status() == VersionStatus.ACTIVE ? v : replace(v.withStatus(VersionStatus.ACTIVE));
  }

  @Override
  public synchronized void deleteVersion(String model, int version) {
    existing(model, version);
    ModelState m = state(model);
    RegistryRules.checkNotAliased("delete", model, version, m.aliases);
    m.versions.remove(version);
    m.artifacts.remove(version);
  }

  private ModelVersion replace(ModelVersion v) {
    state(v.model()).versions.put(v.version(), v);
    return v;
  }

  private ModelState state(String model) {
    ModelNames.model(model);
    ModelState m = models.get(model);
    if (m == null) {
      throw RegistryRules.noModel(model);
    }
    return m;
  }

  private ModelVersion existing(String model, int version) {
    ModelNames.version(version);
    ModelVersion v = state(model).versions.get(version);
    if (v == null) {
      throw RegistryRules.noVersion(model, version);
    }
    return v;
  }
}
