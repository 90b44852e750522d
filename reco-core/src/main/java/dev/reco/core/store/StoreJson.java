package dev.reco.core.store;

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
public final class StoreJson {
  static final ObjectReader READER;
  private static final ObjectWriter COMPACT;
  private static final ObjectWriter PRETTY;

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

  private StoreJson() {}

  /**
   * Returns the parser's own message, without Jackson's source excerpt.
   *
   * @param e what reading JSON threw
   * @return the message for a {@link dev.reco.core.format.FormatException}
   */
  public static String message(IOException e) {
    if (e instanceof JsonProcessingException) {
      String m = ((JsonProcessingException) e).getOriginalMessage();
      if (m != null) {
        return m;
      }
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * Parses one JSON value with the stores' strict settings.
   *
   * @param json the JSON text
   * @return the tree; a {@code MissingNode} for empty input
   * @throws IOException if the text is not valid JSON, holds a duplicate key or trailing tokens
   */
  public static JsonNode readTree(String json) throws IOException {
    return READER.readTree(json);
  }

  /**
   * Writes a tree compactly, on one line.
   *
   * @param node the tree
   * @return the JSON text on one line
   */
  public static String compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Writes a tree as a JSON file: indented by two spaces, {@code '\n'} line ends, a final
   * {@code '\n'}.
   *
   * @param node the tree
   * @return the file's UTF-8 bytes
   */
  public static byte[] prettyBytes(JsonNode node) {
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

  /**
   * Writes a tree as one line of a JSON-lines log ({@link JsonLines}).
   *
   * @param node the tree
   * @return the compact JSON and a final {@code '\n'}, in UTF-8
   */
  public static byte[] lineBytes(JsonNode node) {
    return (compact(node) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
