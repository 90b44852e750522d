package dev.reco.core.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What {@link Envelope#read} found in an intact envelope: the artifact type, the payload format
 * version, the provenance and the payload. Immutable and thread-safe: every payload accessor
 * returns a new read-only view.
 */
public final class EnvelopeContents {
  private final FormatType type;
  private final int formatVersion;
  private final Provenance provenance;
  private final ByteBuffer payload; // read-only, position 0
  private final String source;

  EnvelopeContents(FormatType type, int formatVersion, Provenance provenance, ByteBuffer payload,
      String source) {
    this.type = type;
    this.formatVersion = formatVersion;
    this.provenance = provenance;
    this.payload = payload.asReadOnlyBuffer();
    this.source = source;
  }

  /** Returns the artifact type stored in the header. */
  public FormatType type() {
    return type;
  }

  /** Returns the payload format version stored in the header, {@code >= 1}. */
  public int formatVersion() {
    return formatVersion;
  }

  /** Returns the provenance stored in the envelope. */
  public Provenance provenance() {
    return provenance;
  }

  /** Returns the payload size in bytes. */
  public int payloadSize() {
    return payload.capacity();
  }

  /**
   * Returns the payload as a new read-only, little-endian buffer positioned at its first byte.
   * The buffer shares memory with this object; it is not a copy.
   *
   * @return a read-only view of the payload
   */
  public ByteBuffer payload() {
    return payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Returns a new reader positioned at the first payload byte, whose errors name this envelope's
   * source, type and format version.
   *
   * @return a new reader
   */
  public PayloadInput payloadInput() {
    return new PayloadInput(payload, source + ": " + type + " payload version " + formatVersion);
  }

  /** Returns the file path the envelope was read from, or {@code "in-memory envelope"}. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "EnvelopeContents[" + type + " v" + formatVersion + ", " + payloadSize()
        + " payload bytes, producer=" + provenance.producer() + ", source=" + source + "]";
  }
}
