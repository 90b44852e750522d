package dev.reco.core.format;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON reader and writer of this package: plain Jackson data binding, no default typing (no
 * class names ever appear in JSON), map entries written in key order so equal configs give equal
 * JSON, duplicate keys and trailing tokens rejected on reading. Readers and writers are immutable
 * and thread-safe; no mapper is kept.
 */
final class Json {
  static final ObjectWriter WRITER;
  static final ObjectReader READER;

  static {
    JsonMapper mapper = JsonMapper.builder()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    WRITER = mapper.writer();
    READER = mapper.reader();
  }

  private Json() {}
}
