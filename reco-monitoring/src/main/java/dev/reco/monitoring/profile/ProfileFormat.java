package dev.reco.monitoring.profile;

import dev.reco.core.format.Envelope;
import dev.reco.core.format.EnvelopeContents;
import dev.reco.core.format.FormatException;
import dev.reco.core.format.FormatType;
import dev.reco.core.format.PayloadInput;
import dev.reco.core.format.PayloadOutput;
import dev.reco.core.format.PayloadWriter;
import dev.reco.core.format.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Stores a {@link SingleWriterProfile} (schema, counters and sketches) in a reco envelope of type
 * {@link FormatType#DRIFT_PROFILE}. Reading gives a profile with an equal schema, the same
 * counters and sketches that serialize to the same bytes; writing it again gives the same
 * payload.
 *
 * <p>Payload format version 1, little-endian (details in {@code docs/drift-profiles.md}):
 *
 * <pre>
 * u32  column count C, then per column:
 *   string  name (u32 UTF-8 length, UTF-8 bytes)
 *   u8      kind: 0 = numeric, 1 = categorical
 *   numeric:      u32 edge count E, E x f64 edges; u32 sketch k (0 = no sketch)
 *   categorical:  u32 dictionary size D, D x string
 *   (E + 1 or D + 1) x i64 counters; i64 missing
 *   numeric with sketch: u32 byte length S, S bytes of the DataSketches KLL doubles sketch
 *                        (its own versioned serialization, as {@code toByteArray()} writes it,
 *                        with level zero sorted so that equal content gives equal bytes)
 * </pre>
 *
 * <p>The envelope rejects corrupted bytes (checksum), other types and newer versions with the
 * {@link FormatException} subclasses described in {@code docs/formats.md}; the payload reader
 * checks every count, edge, dictionary, counter and sketch (its {@code k} and its count must
 * match the column) and fails with a plain {@link FormatException} naming the value.
 *
 * <p>Stateless and thread-safe; the profile must not be updated while it is being written.
 */
public final class ProfileFormat {
  /** The payload format version this class writes, and the highest it reads. */
  public static final int VERSION = 1;

  static final int KIND_NUMERIC = 0;
  static final int KIND_CATEGORICAL = 1;

  private ProfileFormat() {}

  /**
   * Writes a profile to a file atomically; a failure leaves any previous file untouched.
   *
   * @param path the file to create or replace
   * @param profile the profile
   * @param provenance where the profile came from
   * @throws IllegalArgumentException if a name or category contains an unpaired surrogate, or
   *     the envelope would be too large; nothing is written
   * @throws IOException if the file cannot be written
   */
  public static void write(Path path, SingleWriterProfile profile, Provenance provenance)
      throws IOException {
    Envelope.write(path, FormatType.DRIFT_PROFILE, VERSION, provenance, new Writer(profile));
  }

  /**
   * Returns a profile as envelope bytes, in the layout {@link #write} writes.
   *
   * @param profile the profile
   * @param provenance where the profile came from
   * @return the envelope
   * @throws IllegalArgumentException if a name or category contains an unpaired surrogate
   */
  public static byte[] toBytes(SingleWriterProfile profile, Provenance provenance) {
    return Envelope.toBytes(FormatType.DRIFT_PROFILE, VERSION, provenance, new Writer(profile));
  }

  /**
   * Reads a profile from a file.
   *
   * @param path the file
   * @return the profile
   * @throws FormatException (or a subclass) if the file is not an intact drift-profile envelope
   *     of a supported version, or its payload is malformed
   * @throws IOException if the file cannot be read
   */
  public static SingleWriterProfile read(Path path) throws IOException {
    return decode(Envelope.read(path, FormatType.DRIFT_PROFILE, VERSION));
  }

  /**
   * Reads a profile from envelope bytes.
   *
   * @param bytes the envelope
   * @return the profile
   * @throws FormatException (or a subclass) if the bytes are not an intact drift-profile envelope
   *     of a supported version, or the payload is malformed
   */
  public static SingleWriterProfile fromBytes(byte[] bytes) {
    return decode(Envelope.fromBytes(bytes, FormatType.DRIFT_PROFILE, VERSION));
  }

  /** Decodes a drift-profile envelope that {@link Envelope} has checked (type and version). */
  private static SingleWriterProfile decode(EnvelopeContents contents) {
    if (contents.type() != FormatType.DRIFT_PROFILE || contents.formatVersion() > VERSION) {
      throw new FormatException(contents.source() + ": envelope holds " + contents.type()
          + " version " + contents.formatVersion() + "; expected " + FormatType.DRIFT_PROFILE
          + " version 1 to " + VERSION);
    }
    return decodeV1(contents.payloadInput());
  }

  private static SingleWriterProfile decodeV1(PayloadInput in) {
    // A column takes at least: name length 4, kind 1, a count 4, two counters 16, missing 8.
    int columnCount = in.readCount("columns", 4 + 1 + 4 + 8 + 8);
    if (columnCount == 0) {
      throw in.malformed("column count = 0; expected at least one column");
    }
    List<ProfileColumn> columns = new ArrayList<>(Math.min(columnCount, 1024));
    List<long[]> counts = new ArrayList<>();
    long[] missing = new long[columnCount];
    List<byte[]> sketchBytes = new ArrayList<>();
    for (int c = 0; c < columnCount; c++) {
      String name = in.readString();
      int kind = in.readUnsignedByte();
      ProfileColumn column;
      if (kind == KIND_NUMERIC) {
        int e = in.readCount("edges of column '" + name + "'", 8);
        double[] edges = in.readDoubles(e);
        long k = in.readUnsignedInt();
        try {
          column = new ProfileColumn(name, ProfileColumn.Kind.NUMERIC, NumericBins.ofEdges(edges),
              null, (int) Math.min(k, Integer.MAX_VALUE));
        } catch (IllegalArgumentException ex) {
          throw in.malformed("numeric column " + c + " '" + name + "' is invalid: "
              + ex.getMessage(), ex);
        }
      } else if (kind == KIND_CATEGORICAL) {
        int d = in.readCount("categories of column '" + name + "'", 4);
        List<String> categories = new ArrayList<>(Math.min(d, 1024));
        for (int i = 0; i < d; i++) {
          categories.add(in.readString());
        }
        try {
          column = new ProfileColumn(name, ProfileColumn.Kind.CATEGORICAL, null,
              CategoryDictionary.of(categories), 0);
        } catch (IllegalArgumentException ex) {
          throw in.malformed("categorical column " + c + " '" + name + "' is invalid: "
              + ex.getMessage(), ex);
        }
      } else {
        throw in.malformed("column " + c + " '" + name + "' has kind = " + kind
            + "; expected 0 (numeric) or 1 (categorical)");
      }
      long[] counters = in.readLongs(column.counters());
      long total = 0;
      for (int i = 0; i < counters.length; i++) {
        if (counters[i] < 0) {
          throw in.malformed("column '" + name + "' counter " + i + " = " + counters[i]
              + "; expected a count >= 0");
        }
        total += counters[i];
        if (total < 0) {
          throw in.malformed("column '" + name + "' counters overflow a 64-bit total; expected "
              + "a total below 2^63");
        }
      }
      missing[c] = in.readLong();
      if (missing[c] < 0) {
        throw in.malformed("column '" + name + "' missing = " + missing[c]
            + "; expected a count >= 0");
      }
      byte[] sketch = null;
      if (column.sketchK() > 0) {
        int s = in.readCount("sketch bytes of column '" + name + "'", 1);
        sketch = in.readBytes(s);
      }
      columns.add(column);
      counts.add(counters);
      sketchBytes.add(sketch);
    }
    in.expectEnd();
    ProfileSchema schema;
    try {
      schema = ProfileSchema.of(columns);
    } catch (IllegalArgumentException ex) {
      throw in.malformed("columns are inconsistent: " + ex.getMessage(), ex);
    }
    SingleWriterProfile profile = new SingleWriterProfile(schema);
    for (int c = 0; c < columnCount; c++) {
      long[] target = profile.countView(c);
      long[] source = counts.get(c);
      System.arraycopy(source, 0, target, 0, source.length);
      profile.setMissing(c, missing[c]);
      byte[] bytes = sketchBytes.get(c);
      if (bytes != null) {
        profile.setSketch(c, heapify(in, schema.column(c), bytes, profile.count(c)));
      }
    }
    return profile;
  }

  private static KllDoublesSketch heapify(PayloadInput in, ProfileColumn column, byte[] bytes,
      long expectedN) {
    KllDoublesSketch sketch;
    try {
      sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));
    } catch (RuntimeException ex) {
      throw in.malformed("sketch of column '" + column.name() + "' (" + bytes.length
          + " bytes) is not a valid KLL doubles sketch: " + ex, ex);
    }
    if (sketch.getK() != column.sketchK()) {
      throw in.malformed("sketch of column '" + column.name() + "' has k = " + sketch.getK()
          + "; expected k = " + column.sketchK() + " as the column states");
    }
    if (sketch.getN() != expectedN) {
      throw in.malformed("sketch of column '" + column.name() + "' holds n = " + sketch.getN()
          + " values; expected n = " + expectedN + ", the column's non-missing count");
    }
    return sketch;
  }

  /** Writes payload version 1; serializes the sketches and validates the strings up front. */
  private static final class Writer implements PayloadWriter {
    private final SingleWriterProfile profile;
    private final byte[][] sketches;
    private final long size;

    Writer(SingleWriterProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      ProfileSchema schema = profile.schema();
      sketches = new byte[schema.size()][];
      long s = 4;
      for (int c = 0; c < schema.size(); c++) {
        ProfileColumn col = schema.column(c);
        s += stringSize(col.name(), "column name of column " + c) + 1;
        if (col.kind() == ProfileColumn.Kind.NUMERIC) {
          s += 4 + 8L * col.bins().edgeCount() + 4;
        } else {
          s += 4;
          List<String> cats = col.dictionary().categories();
          for (int i = 0; i < cats.size(); i++) {
            s += stringSize(cats.get(i), "category " + i + " of column '" + col.name() + "'");
          }
        }
        s += 8L * col.counters() + 8;
        KllDoublesSketch sketch = profile.sketchView(c);
        if (sketch != null) {
          if (!sketch.isEmpty()) {
            // Canonical form: DataSketches stores whether level zero happens to be sorted (any
            // query sorts it in place), so sort it before serializing; otherwise the same
            // content could be written as two different byte strings.
            sketch.getSortedView();
          }
          sketches[c] = sketch.toByteArray();
          s += 4 + sketches[c].length;
        }
      }
      size = s;
    }

    private static long stringSize(String s, String what) {
      try {
        return PayloadOutput.stringSize(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public void writeTo(PayloadOutput out) throws IOException {
      ProfileSchema schema = profile.schema();
      out.writeInt(schema.size());
      for (int c = 0; c < schema.size(); c++) {
        ProfileColumn col = schema.column(c);
        out.writeString(col.name());
        if (col.kind() == ProfileColumn.Kind.NUMERIC) {
          out.writeByte(KIND_NUMERIC);
          out.writeInt(col.bins().edgeCount());
          out.writeDoubles(col.bins().edgeView());
          out.writeInt(col.sketchK());
        } else {
          out.writeByte(KIND_CATEGORICAL);
          List<String> cats = col.dictionary().categories();
          out.writeInt(cats.size());
          for (String cat : cats) {
            out.writeString(cat);
          }
        }
        out.writeLongs(profile.countView(c));
        out.writeLong(profile.missing(c));
        if (sketches[c] != null) {
          out.writeInt(sketches[c].length);
          out.writeBytes(sketches[c]);
        }
      }
    }
  }
}
