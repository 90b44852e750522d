package dev.reco.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.core.store.Names;
import dev.reco.core.store.StoreJson;
import java.io.IOException;

/**
 * JSON values that users hand to the registry as text (the feature schema), normalized to their
 * compact form with the stores' strict settings ({@link StoreJson}).
 */
final class RegistryJson {
  private RegistryJson() {}

  /** Parses and re-writes a JSON value compactly; rejects invalid JSON and a bare null. */
  static String normalize(String what, String json) {
    JsonNode node;
    try {
      node = StoreJson.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " = " + Names.quote(json)
          + " is not valid JSON (" + StoreJson.message(e) + "); expected one JSON value", e);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new IllegalArgumentException(what + " = " + Names.quote(json)
          + " is empty or null; expected a JSON value such as an object");
    }
    return StoreJson.compact(node);
  }

  static JsonNode parse(String json) {
    try {
      return StoreJson.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("normalized JSON always parses", e);
    }
  }
}
