package dev.reco.core.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON for registry and tracker metadata: plain Jackson trees, no data binding of library types,
 * no default typing, duplicate keys and trailing tokens rejected on reading. Files are written
 * pretty-printed with {@code '\n'} line ends (the same bytes on every platform), log lines
 * compact. Readers and writers are immutable and thread-safe.
 */
final class RegistryJson {
  static final ObjectReader READER;
  static final ObjectWriter COMPACT;
  static final ObjectWriter PRETTY;

  static {
    JsonMapper mapper = JsonMapper.builder()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    READER = mapper.reader();
    COMPACT = mapper.writer();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    PRETTY = mapper.writer(new DefaultPrettyPrinter()
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter));
  }

  private RegistryJson() {}

  /** Parses and re-writes a JSON value compactly; rejects invalid JSON and a bare null. */
  static String normalize(String what, String json) {
    JsonNode node;
    try {
      node = READER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " = " + Names.quote(json)
          + " is not valid JSON (" + message(e) + "); expected one JSON value", e);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new IllegalArgumentException(what + " = " + Names.quote(json)
          + " is empty or null; expected a JSON value such as an object");
    }
    return compact(node);
  }

  /** The parser's own message, without Jackson's source excerpt. */
  static String message(IOException e) {
    if (e instanceof JsonProcessingException) {
      String m = ((JsonProcessingException) e).getOriginalMessage();
      if (m != null) {
        return m;
      }
    }
    return String.valueOf(e.getMessage());
  }

  static JsonNode parse(String json) {
    try {
      return READER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("normalized JSON always parses", e);
    }
  }

  static String compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static byte[] prettyBytes(JsonNode node) {
    try {
      byte[] body = PRETTY.writeValueAsBytes(node);
      byte[] out = new byte[body.length + 1];
      System.arraycopy(body, 0, out, 0, body.length);
      out[body.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static byte[] lineBytes(JsonNode node) {
    return (compact(node) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
