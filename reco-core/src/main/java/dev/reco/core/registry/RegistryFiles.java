package dev.reco.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.format.FormatException;
import dev.reco.core.format.Provenance;
import dev.reco.core.store.Names;
import dev.reco.core.store.StoreJson;
import dev.reco.core.store.StrictJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON files of a file-system registry: {@code registry.json}, {@code model.json},
 * {@code version.json}, {@code aliases.json} and the lines of {@code audit.log}. Each carries a
 * {@code formatVersion}; this class writes version 1 of each and reads version 1 strictly (see
 * {@link StrictJson}). The layout is documented in {@code docs/registry.md}.
 */
final class RegistryFiles {
  /** Format version of {@code registry.json} and {@code tracker.json} (the layout version). */
  static final int LAYOUT_VERSION = 1;
  static final int MODEL_FORMAT = 1;
  static final int VERSION_FORMAT = 1;
  static final int ALIASES_FORMAT = 1;
  static final int EVENT_FORMAT = 1;

  static final String REGISTRY_TYPE = "reco-model-registry";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Reads registry metadata; a newer format is an {@link UnsupportedMetadataVersionException}. */
  private static final StrictJson.Reader JSON = new StrictJson.Reader(
      "registry metadata is read strictly: a hand edit or a newer writer is refused",
      UnsupportedMetadataVersionException::new);

  private RegistryFiles() {}

  /** Contents of {@code model.json}. */
  record ModelFile(String name, Instant createdAt, int lastVersion, Map<String, String> tags) {
    ModelFile {
      Objects.requireNonNull(createdAt, "createdAt");
      tags = Names.textMap("tag", tags);
    }

    ModelFile withLastVersion(int n) {
      return new ModelFile(name, createdAt, n, tags);
    }

    ModelFile withTags(Map<String, String> newTags) {
      return new ModelFile(name, createdAt, lastVersion, newTags);
    }
  }

  /** Contents of {@code aliases.json}: the alias map after the first {@code sequence} events. */
  record AliasesFile(long sequence, long logSize, Map<String, Integer> aliases) {}

  static byte[] markerBytes(String type) {
    ObjectNode o = F.objectNode();
    o.put("formatVersion", LAYOUT_VERSION);
    o.put("type", type);
    return StoreJson.prettyBytes(o);
  }

  static void readMarker(byte[] bytes, Path file, String type) {
    StrictJson j = JSON.parse(bytes, file, file.toString(), LAYOUT_VERSION,
        List.of("formatVersion", "type"));
    String found = j.text("type");
    if (!found.equals(type)) {
      throw new FormatException(file + ": field 'type' = " + Names.quote(found) + "; expected '"
          + type + "'");
    }
  }

  static byte[] modelBytes(ModelFile m) {
    ObjectNode o = F.objectNode();
    o.put("formatVersion", MODEL_FORMAT);
    o.put("name", m.name());
    o.put("createdAt", m.createdAt().toString());
    o.put("lastVersion", m.lastVersion());
    o.set("tags", stringMap(m.tags()));
    return StoreJson.prettyBytes(o);
  }

  static ModelFile readModel(byte[] bytes, Path file) {
    StrictJson j = JSON.parse(bytes, file, file.toString(), MODEL_FORMAT,
        List.of("formatVersion", "name", "createdAt", "lastVersion", "tags"));
    String name = j.text("name");
    Instant createdAt = j.instant("createdAt");
    int last = j.intAtLeast("lastVersion", 0);
    Map<String, String> tags = j.stringMap("tags");
    try {
      ModelNames.model(name);
      return new ModelFile(name, createdAt, last, tags);
    } catch (IllegalArgumentException e) {
      throw j.invalid(e);
    }
  }

  static byte[] versionBytes(ModelVersion v) {
    VersionMetadata m = v.metadata();
    ObjectNode o = F.objectNode();
    o.put("formatVersion", VERSION_FORMAT);
    o.put("model", v.model());
    o.put("version", v.version());
    o.put("createdAt", v.createdAt().toString());
    o.put("status", v.status().name());
    o.put("sha256", v.sha256());
    o.put("size", v.size());
    o.set("tags", stringMap(m.tags()));
    o.set("params", stringMap(m.params()));
    ObjectNode metrics = o.putObject("metrics");
    m.metrics().forEach(metrics::put);
    if (m.provenance() == null) {
      o.putNull("provenance");
    } else {
      o.set("provenance", RegistryJson.parse(m.provenance().toJson()));
    }
    if (m.featureSchemaJson() == null) {
      o.putNull("featureSchema");
    } else {
      o.set("featureSchema", RegistryJson.parse(m.featureSchemaJson()));
    }
    if (m.sourceRunId() == null) {
      o.putNull("sourceRunId");
    } else {
      o.put("sourceRunId", m.sourceRunId());
    }
    return StoreJson.prettyBytes(o);
  }

  static ModelVersion readVersion(byte[] bytes, Path file) {
    StrictJson j = JSON.parse(bytes, file, file.toString(), VERSION_FORMAT,
        List.of("formatVersion", "model", "version", "createdAt", "status", "sha256", "size",
            "tags", "params", "metrics", "provenance", "featureSchema", "sourceRunId"));
    String model = j.text("model");
    int version = j.intAtLeast("version", 1);
    Instant createdAt = j.instant("createdAt");
    VersionStatus status = j.enumValue("status", VersionStatus.class);
    String sha = j.text("sha256");
    long size = j.nonNegativeLong("size");
    Map<String, String> tags = j.stringMap("tags");
    Map<String, String> params = j.stringMap("params");
    Map<String, Double> metrics = j.numberMap("metrics");
    JsonNode prov = j.objectOrNull("provenance");
    Provenance provenance = null;
    if (prov != null) {
      try {
        provenance = Provenance.fromJson(StoreJson.compact(prov));
      } catch (FormatException e) {
        throw new FormatException(file + ": field 'provenance': " + e.getMessage(), e);
      }
    }
    JsonNode schema = j.raw("featureSchema");
    String runId = j.textOrNull("sourceRunId");
    try {
      VersionMetadata meta = new VersionMetadata(params, metrics, tags, provenance,
          schema.isNull() ? null : StoreJson.compact(schema), runId);
      return new ModelVersion(model, version, createdAt, sha, size, status, meta);
    } catch (IllegalArgumentException e) {
      throw j.invalid(e);
    }
  }

  static byte[] aliasesBytes(AliasesFile a) {
    ObjectNode o = F.objectNode();
    o.put("formatVersion", ALIASES_FORMAT);
    o.put("sequence", a.sequence());
    o.put("logSize", a.logSize());
    ObjectNode map = o.putObject("aliases");
    a.aliases().forEach(map::put);
    return StoreJson.prettyBytes(o);
  }

  static AliasesFile readAliases(byte[] bytes, Path file) {
    StrictJson j = JSON.parse(bytes, file, file.toString(), ALIASES_FORMAT,
        List.of("formatVersion", "sequence", "logSize", "aliases"));
    long sequence = j.nonNegativeLong("sequence");
    long logSize = j.nonNegativeLong("logSize");
    Map<String, Integer> aliases = j.versionMap("aliases");
    try {
      aliases.keySet().forEach(ModelNames::alias);
    } catch (IllegalArgumentException e) {
      throw j.invalid(e);
    }
    return new AliasesFile(sequence, logSize, aliases);
  }

  static byte[] eventLine(AliasEvent e) {
    ObjectNode o = F.objectNode();
    o.put("formatVersion", EVENT_FORMAT);
    o.put("sequence", e.sequence());
    o.put("time", e.time().toString());
    o.put("action", e.action().name());
    o.put("alias", e.alias());
    if (e.from() == null) {
      o.putNull("from");
    } else {
      o.put("from", e.from().intValue());
    }
    if (e.to() == null) {
      o.putNull("to");
    } else {
      o.put("to", e.to().intValue());
    }
    o.put("actor", e.actor());
    o.put("reason", e.reason());
    return StoreJson.lineBytes(o);
  }

  static AliasEvent readEvent(JsonNode node, String model, Path file, String source) {
    StrictJson j = JSON.of(node, file, source, EVENT_FORMAT,
        List.of("formatVersion", "sequence", "time", "action", "alias", "from", "to", "actor",
            "reason"));
    long sequence = j.nonNegativeLong("sequence");
    Instant time = j.instant("time");
    AliasEvent.Action action = j.enumValue("action", AliasEvent.Action.class);
    String alias = j.text("alias");
    Integer from = j.versionOrNull("from");
    Integer to = j.versionOrNull("to");
    String actor = j.text("actor");
    String reason = j.text("reason");
    try {
      return new AliasEvent(sequence, time, model, alias, action, from, to, actor, reason);
    } catch (IllegalArgumentException e) {
      throw j.invalid(e);
    }
  }

  private static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode o = F.objectNode();
    map.forEach(o::put);
    return o;
  }
}
