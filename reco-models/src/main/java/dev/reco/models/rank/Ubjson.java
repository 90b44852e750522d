package dev.reco.models.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reader of Universal Binary JSON (UBJSON, draft 12), the binary form XGBoost writes for
 * {@code save_model("model.ubj")} (and by default for any name but {@code .json} from XGBoost
 * 2.1), into the same Jackson tree its JSON text would give: objects, arrays (also the optimized
 * {@code $type #count} and {@code #count} containers), strings, booleans, null, and numbers as
 * int, long, float32 and float64 nodes (float32 values stay exact floats).
 *
 * <p>Values are big-endian. Malformed input fails with an {@link IllegalArgumentException} naming
 * the byte offset and what was expected; this class never reads past the end of the value.
 */
final class Ubjson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  /** Nesting deeper than this is refused (XGBoost models nest fewer than 10 levels). */
  private static final int MAX_DEPTH = 200;
  /** {@link #containerType}'s answer for a container without a count. */
  private static final int NOT_COUNTED = -2;

  private final InputStream in;
  private final String source;
  private long offset;

  private Ubjson(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * Reads one UBJSON value from the stream.
   *
   * @param in the stream, positioned at the value
   * @param source the name used in error messages
   * @return the value as a Jackson tree
   * @throws IllegalArgumentException if the bytes are not UBJSON, naming the byte offset
   * @throws IOException if the stream cannot be read
   */
  static JsonNode read(InputStream in, String source) throws IOException {
    Ubjson reader = new Ubjson(in, source);
    return reader.value(reader.marker(), 0);
  }

  private int marker() throws IOException {
    int m;
    do {
      m = next();
    } while (m == 'N');
    return m;
  }

  private JsonNode value(int marker, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
    switch (marker) {
      case 'Z':
        return NODES.nullNode();
      case 'T':
        return NODES.booleanNode(true);
      case 'F':
        return NODES.booleanNode(false);
      case 'i':
        return NODES.numberNode((int) (byte) next());
      case 'U':
        return NODES.numberNode(next());
      case 'I':
        return NODES.numberNode((int) (short) bits(2));
      case 'l':
        return NODES.numberNode((int) bits(4));
      case 'L':
        return NODES.numberNode(bits(8));
      case 'd':
        return NODES.numberNode(Float.intBitsToFloat((int) bits(4)));
      case 'D':
        return NODES.numberNode(Double.longBitsToDouble(bits(8)));
      case 'C':
        return NODES.textNode(String.valueOf((char) next()));
      case 'S':
        return NODES.textNode(string());
      case 'H':
        return NODES.numberNode(new java.math.BigDecimal(string()));
      case '[':
        return array(depth);
      case '{':
        return object(depth);
      default:
        throw error("marker '" + describe(marker) + "'; expected a UBJSON value marker");
    }
  }

  private ArrayNode array(int depth) throws IOException {
    ArrayNode array = NODES.arrayNode();
    int m = marker();
    int type = containerType(m);
    if (type != NOT_COUNTED) {
      long count = count();
      for (long i = 0; i < count; i++) {
        array.add(value(type >= 0 ? type : marker(), depth + 1));
      }
      return array;
    }
    while (m != ']') {
      array.add(value(m, depth + 1));
      m = marker();
    }
    return array;
  }

  private ObjectNode object(int depth) throws IOException {
    ObjectNode object = NODES.objectNode();
    int m = marker();
    int type = containerType(m);
    if (type != NOT_COUNTED) {
      long count = count();
      for (long i = 0; i < count; i++) {
        String key = key(marker());
        object.set(key, value(type >= 0 ? type : marker(), depth + 1));
      }
      return object;
    }
    while (m != '}') {
      String key = key(m);
      object.set(key, value(marker(), depth + 1));
      m = marker();
    }
    return object;
  }

  /**
   * Reads the optimized-container header that may follow '[' or '{' (its first marker {@code m}
   * already read): returns the element type after {@code $type#}, -1 after a bare {@code #}, or
   * {@link #NOT_COUNTED} when {@code m} starts the first element of a plain container; in the
   * first two cases the next bytes are the count.
   */
  private int containerType(int m) throws IOException {
    if (m == '#') {
      return -1;
    }
    if (m != '$') {
      return NOT_COUNTED;
    }
    int type = next();
    int hash = next();
    if (hash != '#') {
      throw error("marker '" + describe(hash) + "' after a container type; expected '#'");
    }
    return type;
  }

  /** A key: a length (with its integer marker) and UTF-8 bytes, without an 'S'. */
  private String key(int lengthMarker) throws IOException {
    return utf8(length(lengthMarker));
  }

  private String string() throws IOException {
    return utf8(length(next()));
  }

  private long count() throws IOException {
    return length(next());
  }

  private long length(int marker) throws IOException {
    long n = switch (marker) {
      case 'i' -> (byte) next();
      case 'U' -> next();
      case 'I' -> (short) bits(2);
      case 'l' -> (int) bits(4);
      case 'L' -> bits(8);
      default -> throw error("marker '" + describe(marker) + "'; expected an integer length");
    };
    if (n < 0) {
      throw error("length " + n + "; expected a length >= 0");
    }
    return n;
  }

  private String utf8(long length) throws IOException {
    if (length > Integer.MAX_VALUE - 8) {
      throw error("string length " + length + "; expected at most " + (Integer.MAX_VALUE - 8));
    }
    byte[] bytes = in.readNBytes((int) length);
    offset += bytes.length;
    if (bytes.length != length) {
      throw truncated();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private long bits(int bytes) throws IOException {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | next();
    }
    return v;
  }

  private int next() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw truncated();
    }
    offset++;
    return b;
  }

  private IllegalArgumentException truncated() {
    return new IllegalArgumentException(source + " is not valid UBJSON: it ends at byte " + offset
        + " inside a value; expected more bytes (truncated file?)", new EOFException());
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        source + " is not valid UBJSON at byte " + (offset - 1) + ": " + what);
  }

  private static String describe(int marker) {
    return marker >= 32 && marker < 127 ? String.valueOf((char) marker) : String.format("0x%02x", marker);
  }
}
