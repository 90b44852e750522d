package dev.reco.core.format;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stores an {@link Interactions} table in an envelope of type {@link FormatType#INTERACTIONS}.
 * Reading gives a table {@code equals} to the one written, with the same
 * {@link Interactions#fingerprint() fingerprint}.
 *
 * <p>Payload format version 1, little-endian (details in {@code docs/formats.md}):
 *
 * <pre>
 * u8   flags: bit 0 = timestamp column, bit 1 = event-type column; other bits 0
 * u32  rows n
 * u32  user count, then each user id as (u32 UTF-8 length, UTF-8 bytes), in index order
 * u32  item count, then each item id likewise
 * [u32 event-type count, then each event-type name likewise]   if flags bit 1
 * n × i32  user column
 * n × i32  item column
 * n × f32  value column
 * [n × i64 timestamp column, epoch milliseconds]               if flags bit 0
 * [n × u8  event-type column]                                  if flags bit 1
 * </pre>
 *
 * <p>Memory: writing copies one column at a time through the public accessors; reading holds the
 * file once, the decoded columns, and the copies {@link Interactions#fromColumns} makes.
 */
public final class InteractionsFormat {
  /** The payload format version this class writes, and the highest it reads. */
  public static final int VERSION = 1;

  static final int FLAG_TIMESTAMPS = 1;
  static final int FLAG_EVENT_TYPES = 2;

  private InteractionsFormat() {}

  /**
   * Writes a table to a file atomically. The provenance of the written file is available later
   * through {@code Envelope.read(path, FormatType.INTERACTIONS, InteractionsFormat.VERSION)}.
   *
   * @param path the file to create or replace
   * @param interactions the table
   * @param provenance where the table came from
   * @throws IllegalArgumentException if an id contains an unpaired surrogate (not representable
   *     in UTF-8) or the envelope would exceed {@link Envelope#MAX_SIZE}; nothing is written
   * @throws IOException if the file cannot be written; any previous file is left untouched
   */
  public static void write(Path path, Interactions interactions, Provenance provenance)
      throws IOException {
    Envelope.write(path, FormatType.INTERACTIONS, VERSION, provenance, new Writer(interactions));
  }

  /**
   * Returns a table as envelope bytes, in the layout {@link #write} writes.
   *
   * @param interactions the table
   * @param provenance where the table came from
   * @return the envelope
   * @throws IllegalArgumentException if an id contains an unpaired surrogate or the envelope would
   *     exceed {@link Envelope#MAX_SIZE}
   */
  public static byte[] toBytes(Interactions interactions, Provenance provenance) {
    return Envelope.toBytes(FormatType.INTERACTIONS, VERSION, provenance, new Writer(interactions));
  }

  /**
   * Reads a table from a file.
   *
   * @param path the file
   * @return the table
   * @throws FormatException (or a subclass) if the file is not an intact interactions envelope of
   *     a supported version, or its payload is malformed
   * @throws IOException if the file cannot be read
   */
  public static Interactions read(Path path) throws IOException {
    return decode(Envelope.read(path, FormatType.INTERACTIONS, VERSION));
  }

  /**
   * Reads a table from envelope bytes.
   *
   * @param bytes the envelope
   * @return the table
   * @throws FormatException (or a subclass) if the bytes are not an intact interactions envelope
   *     of a supported version, or the payload is malformed
   */
  public static Interactions fromBytes(byte[] bytes) {
    return decode(Envelope.fromBytes(bytes, FormatType.INTERACTIONS, VERSION));
  }

  /**
   * Decodes the payload of an interactions envelope.
   *
   * @param contents an envelope of type {@link FormatType#INTERACTIONS}
   * @return the table
   * @throws WrongFormatTypeException if the envelope holds another type
   * @throws UnsupportedFormatVersionException if its payload version is newer than {@link #VERSION}
   * @throws FormatException if the payload is malformed
   */
  public static Interactions decode(EnvelopeContents contents) {
    Objects.requireNonNull(contents, "contents");
    if (contents.type() != FormatType.INTERACTIONS) {
      throw new WrongFormatTypeException(contents.source() + ": envelope holds " + contents.type()
          + "; expected " + FormatType.INTERACTIONS, FormatType.INTERACTIONS, contents.type());
    }
    if (contents.formatVersion() > VERSION) {
      throw new UnsupportedFormatVersionException(contents.source() + ": INTERACTIONS payload format version "
          + contents.formatVersion() + " is not supported; this reader supports versions 1 to " + VERSION,
          contents.formatVersion(), VERSION);
    }
    return decodeV1(contents.payloadInput());
  }

  private static Interactions decodeV1(PayloadInput in) {
    int flags = in.readUnsignedByte();
    if ((flags & ~(FLAG_TIMESTAMPS | FLAG_EVENT_TYPES)) != 0) {
      throw in.malformed("flags = 0x" + Integer.toHexString(flags)
          + "; expected only bit 0 (timestamps) and bit 1 (event types)");
    }
    boolean withTimestamps = (flags & FLAG_TIMESTAMPS) != 0;
    boolean withEventTypes = (flags & FLAG_EVENT_TYPES) != 0;
    int bytesPerRow = 12 + (withTimestamps ? 8 : 0) + (withEventTypes ? 1 : 0);
    long rowsOffset = in.position();
    long rows = in.readUnsignedInt();
    // Each id takes at least its 4-byte length, each row bytesPerRow: check before allocating.
    if (rows > Integer.MAX_VALUE - 8 || rows * bytesPerRow > in.remaining()) {
      throw in.malformed("row count = " + rows + " at payload offset " + rowsOffset + " needs "
          + rows * bytesPerRow + " bytes of columns; only " + in.remaining() + " remain");
    }
    int n = (int) rows;
    IdIndex users = readIds(in, "user ids");
    IdIndex items = readIds(in, "item ids");
    IdIndex eventTypes = withEventTypes ? readIds(in, "event-type names") : null;
    int[] user = in.readInts(n);
    int[] item = in.readInts(n);
    float[] value = in.readFloats(n);
    long[] timestamp = withTimestamps ? in.readLongs(n) : null;
    byte[] eventType = withEventTypes ? in.readBytes(n) : null;
    in.expectEnd();
    try {
      return Interactions.fromColumns(users, items, eventTypes, user, item, value, timestamp, eventType);
    } catch (IllegalArgumentException e) {
      throw in.malformed("columns are inconsistent: " + e.getMessage(), e);
    }
  }

  private static IdIndex readIds(PayloadInput in, String what) {
    int count = in.readCount(what, 4);
    // Grow as strings are read, so memory follows the bytes actually present.
    List<String> ids = new ArrayList<>(Math.min(count, 1024));
    for (int k = 0; k < count; k++) {
      ids.add(in.readString());
    }
    try {
      return IdIndex.of(ids);
    } catch (IllegalArgumentException e) {
      throw in.malformed(what + " are invalid: " + e.getMessage(), e);
    }
  }

  /** Writes payload version 1; validates every id in {@link #size()}, before the file exists. */
  private static final class Writer implements PayloadWriter {
    private final Interactions x;

    Writer(Interactions interactions) {
      this.x = Objects.requireNonNull(interactions, "interactions");
    }

    @Override
    public long size() {
      long n = x.size();
      long size = 1 + 4 + idsSize(x.users(), "user") + idsSize(x.items(), "item") + 12 * n;
      if (x.hasTimestamps()) {
        size += 8 * n;
      }
      if (x.hasEventTypes()) {
        size += idsSize(x.eventTypes(), "event type") + n;
      }
      return size;
    }

    @Override
    public void writeTo(PayloadOutput out) throws IOException {
      out.writeByte((x.hasTimestamps() ? FLAG_TIMESTAMPS : 0) | (x.hasEventTypes() ? FLAG_EVENT_TYPES : 0));
      out.writeInt(x.size());
      writeIds(out, x.users());
      writeIds(out, x.items());
      if (x.hasEventTypes()) {
        writeIds(out, x.eventTypes());
      }
      out.writeInts(x.userColumn());
      out.writeInts(x.itemColumn());
      out.writeFloats(x.valueColumn());
      if (x.hasTimestamps()) {
        out.writeLongs(x.timestampColumn());
      }
      if (x.hasEventTypes()) {
        out.writeBytes(x.eventTypeColumn());
      }
    }

    private static long idsSize(IdIndex index, String what) {
      long size = 4;
      List<String> ids = index.ids();
      for (int k = 0; k < ids.size(); k++) {
        try {
          size += PayloadOutput.stringSize(ids.get(k));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(what + " id at index " + k + ": " + e.getMessage(), e);
        }
      }
      return size;
    }

    private static void writeIds(PayloadOutput out, IdIndex index) throws IOException {
      List<String> ids = index.ids();
      out.writeInt(ids.size());
      for (String id : ids) {
        out.writeString(id);
      }
    }
  }
}
