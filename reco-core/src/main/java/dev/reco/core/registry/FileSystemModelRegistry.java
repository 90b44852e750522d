package dev.reco.core.registry;

import dev.reco.core.format.AtomicFiles;
import dev.reco.core.format.FormatException;
import dev.reco.core.registry.RegistryFiles.AliasesFile;
import dev.reco.core.registry.RegistryFiles.ModelFile;
import dev.reco.core.store.Dirs;
import dev.reco.core.store.FileLocking;
import dev.reco.core.store.JsonLines;
import dev.reco.core.store.Names;
import dev.reco.core.store.StoreDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link ModelRegistry}: one directory, shared safely by threads and
 * processes. Layout (details and JSON fields in {@code docs/registry.md}):
 *
 * <pre>
 * registry.json                      layout marker {formatVersion, type}
 * registry.lock                      inter-process write lock
 * models/&lt;model&gt;/model.json          name, createdAt, lastVersion, tags
 * models/&lt;model&gt;/aliases.json        alias map after the first `sequence` events (a checkpoint)
 * models/&lt;model&gt;/audit.log           alias events, JSON lines, append-only
 * models/&lt;model&gt;/versions/&lt;n&gt;/version.json   metadata, status, SHA-256, size
 * models/&lt;model&gt;/versions/&lt;n&gt;/artifact.bin   the artifact
 * </pre>
 *
 * <p>Writes take the write lock ({@link FileLocking}); reads take no lock. Every change becomes
 * visible through one atomic step, so a reader or a crash never exposes half of it:
 * <ul>
 *   <li>a version is written into a staging directory ({@code versions/.tmp-*}), its files
 *       forced, then the directory is renamed to {@code versions/<n>}; a model's first version is
 *       staged together with the model directory ({@code models/.tmp-*}) and committed by
 *       renaming that;</li>
 *   <li>JSON files are replaced through {@link AtomicFiles} (temporary file, force, rename);</li>
 *   <li>an alias change is committed by appending its event to {@code audit.log} (forced);
 *       {@code aliases.json} is then rewritten as a checkpoint. Readers apply the events after the
 *       checkpoint, so the log is the source of truth and a crash between the two steps loses
 *       nothing;</li>
 *   <li>a version is deleted by renaming its directory to {@code versions/.del-*} first.</li>
 * </ul>
 * Version numbers are allocated under the lock as one more than the highest of
 * {@code lastVersion} in {@code model.json} and every version directory, so they are never
 * duplicated or reused. Leftovers of interrupted writes are ignored by readers and removed by the
 * next writer.
 */
final class FileSystemModelRegistry implements ModelRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(FileSystemModelRegistry.class);

  static final String MARKER = "registry.json";
  static final String LOCK = "registry.lock";
  static final String MODELS = "models";
  static final String MODEL_JSON = "model.json";
  static final String ALIASES_JSON = "aliases.json";
  static final String AUDIT_LOG = "audit.log";
  static final String VERSIONS = "versions";
  static final String VERSION_JSON = "version.json";
  static final String ARTIFACT = "artifact.bin";

  private static final int READ_ATTEMPTS = 3;

  /** The registry's directory: marker, lock and the models directory. */
  private static final StoreDirectory.Layout LAYOUT = new StoreDirectory.Layout("registry",
      MARKER, LOCK, MODELS, new StoreDirectory.Marker() {
        @Override
        public void check(byte[] bytes, Path file) {
          RegistryFiles.readMarker(bytes, file, RegistryFiles.REGISTRY_TYPE);
        }

        @Override
        public byte[] create() {
          return RegistryFiles.markerBytes(RegistryFiles.REGISTRY_TYPE);
        }

        @Override
        public FormatException missingData(String message, Path dir) {
          return new MissingFileException(message, dir);
        }
      });

  private final StoreDirectory store;
  private final Path modelsDir;
  private final InstantSource clock;

  private FileSystemModelRegistry(StoreDirectory store, InstantSource clock) {
    this.store = store;
    this.modelsDir = store.data();
    this.clock = clock;
  }

  static FileSystemModelRegistry open(Path root, InstantSource clock, Duration lockTimeout) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(clock, "clock");
    return new FileSystemModelRegistry(StoreDirectory.open(root, lockTimeout, LAYOUT), clock);
  }

  // ---------------------------------------------------------------- paths and low-level reads

  private Path modelDir(String model) {
    return modelsDir.resolve(model);
  }

  private Path versionsDir(String model) {
    return modelDir(model).resolve(VERSIONS);
  }

  private Path versionDir(String model, int version) {
    return versionsDir(model).resolve(Integer.toString(version));
  }

  /** Runs a change under the write lock. */
  private <T> T write(String what, StoreDirectory.IoAction<T> action) {
    return store.write(what, action);
  }

  /** Runs a read, turning I/O failures into unchecked ones. */
  private <T> T read(String what, StoreDirectory.IoAction<T> action) {
    return store.read(what, action);
  }

  /** Reads model.json; empty if the model does not exist (under exactly this name). */
  private Optional<ModelFile> readModelFile(String model) throws IOException {
    Path file = modelDir(model).resolve(MODEL_JSON);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(modelDir(model))) {
        return Optional.empty();
      }
      throw new MissingFileException(file + " is missing; expected the metadata of model '"
          + model + "' (a model directory is only ever created with it)", file);
    }
    ModelFile m = RegistryFiles.readModel(bytes, file);
    if (!m.name().equals(model)) {
      if (m.name().equalsIgnoreCase(model)) {
        return Optional.empty(); // a case-insensitive file system found the model with another case
      }
      throw new FormatException(file + ": field 'name' = '" + m.name() + "'; expected '" + model
          + "', the name of its directory");
    }
    return Optional.of(m);
  }

  private ModelFile requireModel(String model) throws IOException {
    return readModelFile(model).orElseThrow(() -> RegistryRules.noModel(model));
  }

  private void writeModelFile(ModelFile m) throws IOException {
    byte[] bytes = RegistryFiles.modelBytes(m);
    AtomicFiles.write(modelDir(m.name()).resolve(MODEL_JSON), out -> out.write(bytes));
  }

  private List<String> modelNames() throws IOException {
    List<String> out = new ArrayList<>();
    for (String name : Dirs.names(modelsDir)) {
      if (name.startsWith(".")) {
        continue;
      }
      try {
        ModelNames.model(name);
      } catch (IllegalArgumentException e) {
        LOG.warn("ignoring {} in {}: not a valid model name", Names.quote(name), modelsDir);
        continue;
      }
      if (Files.isDirectory(modelDir(name))) {
        out.add(name);
      }
    }
    Collections.sort(out);
    return out;
  }

  private static List<Integer> versionNumbers(Path versionsDir) throws IOException {
    if (!Files.isDirectory(versionsDir)) {
      throw new MissingFileException(versionsDir + " is missing; expected the versions directory"
          + " of a model (it is only ever created with the model)", versionsDir);
    }
    List<Integer> out = new ArrayList<>();
    for (String name : Dirs.names(versionsDir)) {
      if (name.startsWith(".")) {
        continue;
      }
      if (name.matches("[1-9][0-9]{0,9}") && Long.parseLong(name) <= Integer.MAX_VALUE) {
        out.add(Integer.parseInt(name));
      } else {
        LOG.warn("ignoring {} in {}: not a version number", Names.quote(name), versionsDir);
      }
    }
    Collections.sort(out);
    return out;
  }

  /** Reads version.json; empty if the version does not exist or is being deleted. */
  private Optional<ModelVersion> readVersion(String model, int version) throws IOException {
    Path dir = versionDir(model, version);
    Path file = dir.resolve(VERSION_JSON);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(dir)) {
        return Optional.empty();
      }
      throw new MissingFileException(file + " is missing; expected the metadata of version "
          + version + " of model '" + model + "'", file);
    }
    ModelVersion v = RegistryFiles.readVersion(bytes, file);
    if (!v.model().equals(model) || v.version() != version) {
      if (v.version() == version && v.model().equalsIgnoreCase(model)) {
        return Optional.empty();
      }
      throw new FormatException(file + ": fields model = '" + v.model() + "', version = "
          + v.version() + "; expected '" + model + "' and " + version
          + ", the names of its directories");
    }
    return Optional.of(v);
  }

  private ModelVersion requireVersion(String model, int version) throws IOException {
    requireModel(model);
    return readVersion(model, version).orElseThrow(() -> RegistryRules.noVersion(model, version));
  }

  private void writeVersionFile(ModelVersion v) throws IOException {
    Path dir = versionDir(v.model(), v.version());
    Dirs.cleanLeftovers(dir);
    byte[] bytes = RegistryFiles.versionBytes(v);
    AtomicFiles.write(dir.resolve(VERSION_JSON), out -> out.write(bytes));
  }

  /** The alias state: the checkpoint plus the committed events after it. */
  private record AliasState(long sequence, long committedEnd, TreeMap<String, Integer> aliases) {}

  private AliasState readAliasState(String model) throws IOException {
    Path dir = modelDir(model);
    Path checkpoint = dir.resolve(ALIASES_JSON);
    Path log = dir.resolve(AUDIT_LOG);
    for (int attempt = 1; ; attempt++) {
      try {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(checkpoint);
        } catch (NoSuchFileException e) {
          throw new MissingFileException(checkpoint + " is missing; expected the alias"
              + " checkpoint of model '" + model + "'", checkpoint);
        }
        AliasesFile a = RegistryFiles.readAliases(bytes, checkpoint);
        LogEvents tail = readLog(log, model, a.logSize(), a.sequence());
        TreeMap<String, Integer> aliases = new TreeMap<>(a.aliases());
        for (int i = 0; i < tail.events().size(); i++) {
          RegistryRules.apply(aliases, tail.events().get(i), tail.sources().get(i));
        }
        return new AliasState(a.sequence() + tail.events().size(), tail.committedEnd(), aliases);
      } catch (FormatException e) {
        // a reader can race a writer that replaces a torn tail; damage persists across attempts
        if (attempt >= READ_ATTEMPTS || e instanceof MissingFileException
            || e instanceof UnsupportedMetadataVersionException) {
          throw e;
        }
      }
    }
  }

  /** Committed events of a log from an offset, with where each came from. */
  private record LogEvents(List<AliasEvent> events, List<String> sources, long committedEnd) {}

  /** Reads the committed log lines from an offset, checking their sequence numbers. */
  private static LogEvents readLog(Path log, String model, long offset, long sequenceBefore)
      throws IOException {
    JsonLines.Read r;
    try {
      r = JsonLines.read(log, offset);
    } catch (NoSuchFileException e) {
      throw new MissingFileException(log + " is missing; expected the audit log of model '"
          + model + "'", log);
    }
    List<AliasEvent> events = new ArrayList<>(r.lines().size());
    List<String> sources = new ArrayList<>(r.lines().size());
    long expected = sequenceBefore + 1;
    for (JsonLines.Line line : r.lines()) {
      AliasEvent e = RegistryFiles.readEvent(line.node(), model, log, line.source());
      if (e.sequence() != expected) {
        throw new FormatException(line.source() + ": sequence = " + e.sequence() + "; expected "
            + expected + " (events are numbered 1, 2, ... without gaps)");
      }
      expected++;
      events.add(e);
      sources.add(line.source());
    }
    return new LogEvents(events, sources, r.committedEnd());
  }

  private List<AliasEvent> readAllEvents(String model) throws IOException {
    Path log = modelDir(model).resolve(AUDIT_LOG);
    for (int attempt = 1; ; attempt++) {
      try {
        LogEvents all = readLog(log, model, 0, 0);
        TreeMap<String, Integer> replay = new TreeMap<>();
        for (int i = 0; i < all.events().size(); i++) {
          RegistryRules.apply(replay, all.events().get(i), all.sources().get(i));
        }
        return Collections.unmodifiableList(all.events());
      } catch (FormatException e) {
        if (attempt >= READ_ATTEMPTS || e instanceof MissingFileException
            || e instanceof UnsupportedMetadataVersionException) {
          throw e;
        }
      }
    }
  }

  // ---------------------------------------------------------------- registration

  @Override
  public ModelVersion register(String model, byte[] artifact, VersionMetadata metadata) {
    Objects.requireNonNull(artifact, "artifact");
    return register(model, out -> out.write(artifact), metadata);
  }

  @Override
  public ModelVersion register(String model, ArtifactWriter artifact, VersionMetadata metadata) {
    ModelNames.model(model);
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(metadata, "metadata");
    return write("registering a version of model '" + model + "'", () -> {
      Dirs.cleanLeftovers(modelsDir);
      Optional<ModelFile> existing = readModelFile(model);
      Instant now = clock.instant();
      Path stagedModel = null;
      Path versionsDir;
      int n;
      if (existing.isEmpty()) {
        RegistryRules.checkCaseCollision(model, modelNames());
        if (Files.exists(modelDir(model))) {
          throw new IllegalArgumentException("model name = '" + model + "' collides with "
              + modelDir(model) + " on this file system; expected a distinct name");
        }
        stagedModel = Dirs.createStaging(modelsDir, "tmp");
        versionsDir = Files.createDirectory(stagedModel.resolve(VERSIONS));
        n = 1;
      } else {
        versionsDir = versionsDir(model);
        Dirs.cleanLeftovers(versionsDir);
        Dirs.cleanLeftovers(modelDir(model));
        n = nextVersion(model, existing.get(), versionsDir);
      }
      Path staged = null;
      ModelVersion v;
      boolean committed = false;
      try {
        staged = Dirs.createStaging(versionsDir, "tmp");
        String sha;
        long size;
        try (FileChannel ch = FileChannel.open(staged.resolve(ARTIFACT),
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ArtifactOutput out = new ArtifactOutput(ch);
          artifact.writeTo(out);
          sha = out.finish();
          size = out.count();
          ch.force(true);
        }
        v = new ModelVersion(model, n, now, sha, size, VersionStatus.ACTIVE, metadata);
        Dirs.writeNewFile(staged.resolve(VERSION_JSON), RegistryFiles.versionBytes(v));
        Dirs.forceDirectory(staged);
        Files.move(staged, versionsDir.resolve(Integer.toString(n)), StandardCopyOption.ATOMIC_MOVE);
        staged = null;
        Dirs.forceDirectory(versionsDir);
        if (stagedModel != null) {
          Dirs.writeNewFile(stagedModel.resolve(MODEL_JSON),
              RegistryFiles.modelBytes(new ModelFile(model, now, n, Map.of())));
          Dirs.writeNewFile(stagedModel.resolve(ALIASES_JSON),
              RegistryFiles.aliasesBytes(new AliasesFile(0, 0, Map.of())));
          Dirs.writeNewFile(stagedModel.resolve(AUDIT_LOG), new byte[0]);
          Dirs.forceDirectory(stagedModel);
          Files.move(stagedModel, modelDir(model), StandardCopyOption.ATOMIC_MOVE);
          stagedModel = null;
          Dirs.forceDirectory(modelsDir);
        }
        committed = true;
      } catch (IOException | RuntimeException | Error e) {
        discard(staged, e);
        discard(stagedModel, e);
        throw e;
      }
      if (existing.isPresent() && committed) {
        try {
          writeModelFile(existing.get().withLastVersion(n));
        } catch (IOException e) {
          // the version is committed; lastVersion is also derived from the directories
          LOG.warn("version {} of model '{}' is registered, but {} could not be updated", n, model,
              MODEL_JSON, e);
        }
      }
      return v;
    });
  }

  private static void discard(Path staged, Throwable failure) {
    if (staged != null) {
      try {
        Dirs.deleteRecursively(staged);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static int nextVersion(String model, ModelFile m, Path versionsDir) throws IOException {
    long highest = m.lastVersion();
    for (int n : versionNumbers(versionsDir)) {
      highest = Math.max(highest, n);
    }
    if (highest >= Integer.MAX_VALUE) {
      throw new IllegalStateException("model '" + model + "' has used every version number up to "
          + Integer.MAX_VALUE + "; expected a model with numbers left");
    }
    return (int) highest + 1;
  }

  // ---------------------------------------------------------------- lookups

  @Override
  public List<String> models() {
    return read("listing models", () -> List.copyOf(modelNames()));
  }

  @Override
  public Optional<RegisteredModel> model(String model) {
    ModelNames.model(model);
    return read("reading model '" + model + "'", () -> {
      Optional<ModelFile> m = readModelFile(model);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      AliasState a = readAliasState(model);
      return Optional.of(new RegisteredModel(model, m.get().createdAt(), m.get().tags(),
          a.aliases()));
    });
  }

  @Override
  public List<ModelVersion> versions(String model) {
    ModelNames.model(model);
    return read("listing versions of model '" + model + "'", () -> {
      requireModel(model);
      List<ModelVersion> out = new ArrayList<>();
      for (int n : versionNumbers(versionsDir(model))) {
        readVersion(model, n).ifPresent(out::add);
      }
      return Collections.unmodifiableList(out);
    });
  }

  @Override
  public Optional<ModelVersion> version(String model, int version) {
    ModelNames.model(model);
    ModelNames.version(version);
    return read("reading version " + version + " of model '" + model + "'", () -> {
      if (readModelFile(model).isEmpty()) {
        return Optional.empty();
      }
      return readVersion(model, version);
    });
  }

  @Override
  public Optional<ModelVersion> versionByAlias(String model, String alias) {
    ModelNames.model(model);
    ModelNames.aliasLookup(alias);
    if (alias.equals(ModelNames.LATEST)) {
      return read("resolving alias 'latest' of model '" + model + "'", () -> {
        if (readModelFile(model).isEmpty()) {
          return Optional.empty();
        }
        List<ModelVersion> all = new ArrayList<>();
        for (int n : versionNumbers(versionsDir(model))) {
          readVersion(model, n).ifPresent(all::add);
        }
        return RegistryRules.latest(all);
      });
    }
    return read("resolving alias '" + alias + "' of model '" + model + "'", () -> {
      if (readModelFile(model).isEmpty()) {
        return Optional.empty();
      }
      for (int attempt = 1; ; attempt++) {
        Integer n = readAliasState(model).aliases().get(alias);
        if (n == null) {
          return Optional.empty();
        }
        Optional<ModelVersion> v = readVersion(model, n);
        if (v.isPresent()) {
          return v;
        }
        // the alias may have moved and its old target been deleted since we read it: re-read
        if (attempt >= READ_ATTEMPTS) {
          throw new FormatException(modelDir(model) + ": alias '" + alias + "' points to version "
              + n + ", which does not exist; expected aliases to point to existing versions");
        }
      }
    });
  }

  @Override
  public List<ModelVersion> versionsFromRun(String runId) {
    Names.runId(runId);
    return read("finding versions of run '" + runId + "'", () -> {
      List<ModelVersion> out = new ArrayList<>();
      for (String model : modelNames()) {
        for (int n : versionNumbers(versionsDir(model))) {
          readVersion(model, n).filter(v -> runId.equals(v.metadata().sourceRunId()))
              .ifPresent(out::add);
        }
      }
      return Collections.unmodifiableList(out);
    });
  }

  @Override
  public byte[] artifact(String model, int version) {
    ModelNames.model(model);
    ModelNames.version(version);
    return read("reading the artifact of version " + version + " of model '" + model + "'", () -> {
      Opened o = open(model, version);
      try (InputStream in = o.in()) {
        if (o.version().size() > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("artifact of version " + version + " of model '"
              + model + "' has " + o.version().size() + " bytes; expected at most "
              + (Integer.MAX_VALUE - 8) + " for one array (use openArtifact)");
        }
        byte[] bytes = in.readAllBytes(); // reading to the end verifies size and SHA-256
        return bytes;
      }
    });
  }

  @Override
  public InputStream openArtifact(String model, int version) {
    ModelNames.model(model);
    ModelNames.version(version);
    return read("opening the artifact of version " + version + " of model '" + model + "'",
        () -> open(model, version).in());
  }

  private record Opened(ModelVersion version, InputStream in) {}

  private Opened open(String model, int version) throws IOException {
    ModelVersion v = requireVersion(model, version);
    Path file = versionDir(model, version).resolve(ARTIFACT);
    String what = "artifact of version " + version + " of model '" + model + "'";
    InputStream in;
    long size;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new MissingFileException(file + " is missing; expected the " + what, file);
    }
    try {
      size = Files.size(file);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    if (size != v.size()) {
      in.close();
      throw new CorruptArtifactException(what + " (" + file + ") has " + size
          + " bytes; expected " + v.size() + " bytes as recorded at registration", file);
    }
    return new Opened(v, new VerifyingInputStream(in, v.size(), v.sha256(), file, what));
  }

  @Override
  public Map<String, Integer> aliases(String model) {
    ModelNames.model(model);
    return read("reading aliases of model '" + model + "'", () -> {
      requireModel(model);
      return Collections.unmodifiableMap(readAliasState(model).aliases());
    });
  }

  @Override
  public List<AliasEvent> auditLog(String model) {
    ModelNames.model(model);
    return read("reading the audit log of model '" + model + "'", () -> {
      requireModel(model);
      return readAllEvents(model);
    });
  }

  // ---------------------------------------------------------------- alias changes

  @Override
  public Optional<AliasEvent> setAlias(String model, String alias, int version, String actor,
      String reason) {
    ModelNames.model(model);
    ModelNames.alias(alias);
    ModelNames.version(version);
    ModelNames.actor(actor);
    ModelNames.reason(reason);
    return write("setting alias '" + alias + "' of model '" + model + "'", () -> {
      ModelVersion v = requireVersion(model, version);
      AliasState state = readAliasState(model);
      Integer current = state.aliases().get(alias);
      if (current != null && current == version) {
        return Optional.empty();
      }
      RegistryRules.checkActive(v, "point alias '" + alias + "' to it");
      return Optional.of(record(model, state, alias, current == null ? AliasEvent.Action.SET
          : AliasEvent.Action.MOVE, current, version, actor, reason));
    });
  }

  @Override
  public AliasEvent deleteAlias(String model, String alias, String actor, String reason) {
    ModelNames.model(model);
    ModelNames.alias(alias);
    ModelNames.actor(actor);
    ModelNames.reason(reason);
    return write("deleting alias '" + alias + "' of model '" + model + "'", () -> {
      requireModel(model);
      AliasState state = readAliasState(model);
      Integer current = state.aliases().get(alias);
      if (current == null) {
        throw new NotFoundException("alias '" + alias + "' of model '" + model
            + "' is not set; expected an existing alias");
      }
      return record(model, state, alias, AliasEvent.Action.DELETE, current, null, actor, reason);
    });
  }

  @Override
  public AliasEvent rollback(String model, String alias, String actor, String reason) {
    ModelNames.model(model);
    ModelNames.alias(alias);
    ModelNames.actor(actor);
    ModelNames.reason(reason);
    return write("rolling back alias '" + alias + "' of model '" + model + "'", () -> {
      requireModel(model);
      AliasState state = readAliasState(model);
      int target = RegistryRules.rollbackTarget(readAllEvents(model), model, alias);
      ModelVersion v = readVersion(model, target).orElseThrow(() -> new IllegalStateException(
          "cannot roll back alias '" + alias + "' of model '" + model + "' to version " + target
              + ": that version was deleted; expected an existing version"));
      RegistryRules.checkActive(v, "roll back alias '" + alias + "' to it");
      return record(model, state, alias, AliasEvent.Action.ROLLBACK, state.aliases().get(alias),
          target, actor, reason);
    });
  }

  /** Commits an alias event: append to the log (the commit point), then checkpoint. */
  private AliasEvent record(String model, AliasState state, String alias, AliasEvent.Action action,
      Integer from, Integer to, String actor, String reason) throws IOException {
    AliasEvent e = new AliasEvent(state.sequence() + 1, clock.instant(), model, alias, action,
        from, to, actor, reason);
    Path dir = modelDir(model);
    Dirs.cleanLeftovers(dir);
    long end = JsonLines.append(dir.resolve(AUDIT_LOG), state.committedEnd(),
        RegistryFiles.eventLine(e));
    TreeMap<String, Integer> aliases = new TreeMap<>(state.aliases());
    RegistryRules.apply(aliases, e, dir.resolve(AUDIT_LOG).toString());
    byte[] checkpoint = RegistryFiles.aliasesBytes(new AliasesFile(e.sequence(), end, aliases));
    try {
      AtomicFiles.write(dir.resolve(ALIASES_JSON), out -> out.write(checkpoint));
    } catch (IOException ex) {
      // the event is committed in the log; readers apply it after the older checkpoint
      LOG.warn("alias event {} of model '{}' is committed, but {} could not be updated",
          e.sequence(), model, ALIASES_JSON, ex);
    }
    return e;
  }

  // ---------------------------------------------------------------- tags, status, deletion

  @Override
  public RegisteredModel setModelTag(String model, String key, String value) {
    ModelNames.model(model);
    Names.key("tag key", key);
    Names.text("tag '" + key + "'", value, Names.MAX_VALUE_LENGTH);
    return write("tagging model '" + model + "'", () -> {
      ModelFile m = requireModel(model);
      TreeMap<String, String> tags = new TreeMap<>(m.tags());
      tags.put(key, value);
      Dirs.cleanLeftovers(modelDir(model));
      writeModelFile(m.withTags(tags));
      return new RegisteredModel(model, m.createdAt(), tags, readAliasState(model).aliases());
    });
  }

  @Override
  public RegisteredModel removeModelTag(String model, String key) {
    ModelNames.model(model);
    Names.key("tag key", key);
    return write("untagging model '" + model + "'", () -> {
      ModelFile m = requireModel(model);
      TreeMap<String, String> tags = new TreeMap<>(m.tags());
      if (tags.remove(key) != null) {
        Dirs.cleanLeftovers(modelDir(model));
        writeModelFile(m.withTags(tags));
      }
      return new RegisteredModel(model, m.createdAt(), tags, readAliasState(model).aliases());
    });
  }

  @Override
  public ModelVersion setVersionTag(String model, int version, String key, String value) {
    ModelNames.model(model);
    ModelNames.version(version);
    Names.key("tag key", key);
    Names.text("tag '" + key + "'", value, Names.MAX_VALUE_LENGTH);
    return write("tagging version " + version + " of model '" + model + "'", () -> {
      ModelVersion v = requireVersion(model, version);
      TreeMap<String, String> tags = new TreeMap<>(v.metadata().tags());
      tags.put(key, value);
      ModelVersion updated = v.withMetadata(v.metadata().withTags(tags));
      writeVersionFile(updated);
      return updated;
    });
  }

  @Override
  public ModelVersion removeVersionTag(String model, int version, String key) {
    ModelNames.model(model);
    ModelNames.version(version);
    Names.key("tag key", key);
    return write("untagging version " + version + " of model '" + model + "'", () -> {
      ModelVersion v = requireVersion(model, version);
      TreeMap<String, String> tags = new TreeMap<>(v.metadata().tags());
      if (tags.remove(key) == null) {
        return v;
      }
      ModelVersion updated = v.withMetadata(v.metadata().withTags(tags));
      writeVersionFile(updated);
      return updated;
    });
  }

  @Override
  public ModelVersion archive(String model, int version) {
    ModelNames.model(model);
    ModelNames.version(version);
    return write("archiving version " + version + " of model '" + model + "'", () -> {
      ModelVersion v = requireVersion(model, version);
      if (v.status() == VersionStatus.ARCHIVED) {
        return v;
      }
      RegistryRules.checkNotAliased("archive", model, version, readAliasState(model).aliases());
      ModelVersion updated = v.withStatus(VersionStatus.ARCHIVED);
      writeVersionFile(updated);
      return updated;
    });
  }

  @Override
  public ModelVersion restore(String model, int version) {
    ModelNames.model(model);
    ModelNames.version(version);
    return write("restoring version " + version + " of model '" + model + "'", () -> {
      ModelVersion v = requireVersion(model, version);
      if (v.status() == VersionStatus.ACTIVE) {
        return v;
      }
      ModelVersion updated = v.withStatus(VersionStatus.ACTIVE);
      writeVersionFile(updated);
      return updated;
    });
  }

  @Override
  public void deleteVersion(String model, int version) {
    ModelNames.model(model);
    ModelNames.version(version);
    write("deleting version " + version + " of model '" + model + "'", () -> {
      ModelFile m = requireModel(model);
      requireVersion(model, version);
      RegistryRules.checkNotAliased("delete", model, version, readAliasState(model).aliases());
      if (m.lastVersion() < version) {
        // keep the number allocated even if a crash left lastVersion behind
        Dirs.cleanLeftovers(modelDir(model));
        writeModelFile(m.withLastVersion(version));
      }
      Path versionsDir = versionsDir(model);
      Path trash = Dirs.freshName(versionsDir, "del-" + version);
      Files.move(versionDir(model, version), trash, StandardCopyOption.ATOMIC_MOVE);
      Dirs.forceDirectory(versionsDir);
      try {
        Dirs.deleteRecursively(trash);
      } catch (IOException e) {
        LOG.warn("version {} of model '{}' is deleted, but {} could not be removed yet", version,
            model, trash, e);
      }
      return null;
    });
  }

  /** Returns the registry's directory. */
  Path root() {
    return store.root();
  }
}
