package dev.reco.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one binary container of every reco artifact: magic bytes, layout version, type code,
 * payload format version, provenance JSON, payload and a SHA-256 checksum. The layout, byte by
 * byte, is in {@code docs/formats.md}; all numbers are little-endian.
 *
 * <pre>
 * offset    size  field
 *      0       8  magic 89 52 45 43 4F 0D 0A 1A ("\x89RECO\r\n\x1A")
 *      8       2  layout version, unsigned (this layout: 1)
 *     10       2  type code, unsigned ({@link FormatType#code()})
 *     12       4  payload format version, unsigned, {@code >= 1}
 *     16       4  provenance length P, unsigned
 *     20       8  payload length L, unsigned
 *     28       P  provenance, UTF-8 JSON ({@link Provenance#toJson()})
 *   28+P       L  payload
 * 28+P+L      32  SHA-256 of bytes [0, 28+P+L)
 * </pre>
 *
 * <p>Reading checks, in order: the magic ({@link NotAnEnvelopeException}), the layout version
 * ({@link UnsupportedFormatVersionException}), that the size matches the lengths in the header
 * ({@link TruncatedFileException} when shorter, {@link FormatException} when longer), the checksum
 * ({@link ChecksumMismatchException}), the type ({@link UnknownFormatTypeException},
 * {@link WrongFormatTypeException}), the payload version ({@link UnsupportedFormatVersionException})
 * and finally the provenance JSON ({@link FormatException}). Lengths are validated against the
 * bytes present before anything is allocated, and nothing in the provenance or payload is parsed
 * before the checksum matches.
 *
 * <p>Envelopes are held in memory as one array when read, so this version reads and writes
 * envelopes of up to {@link #MAX_SIZE} bytes (about 2 GiB) in all.
 */
public final class Envelope {
  /** The envelope layout version this class writes and the highest it reads. */
  public static final int LAYOUT_VERSION = 1;

  /** Size of the fixed header in bytes. */
  public static final int HEADER_SIZE = 28;

  /** Size of the SHA-256 checksum at the end, in bytes. */
  public static final int CHECKSUM_SIZE = 32;

  /** Largest envelope, in bytes, this version writes and reads. */
  public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

  static final byte[] MAGIC = {(byte) 0x89, 'R', 'E', 'C', 'O', '\r', '\n', 0x1A};

  static final String IN_MEMORY = "in-memory envelope";

  private static final int BUFFER_SIZE = 1 << 16;

  private Envelope() {}

  /**
   * Writes an envelope to a file atomically (see {@link AtomicFiles}): the file is streamed once
   * and its SHA-256 computed on the way, and a failure leaves any previous file untouched.
   *
   * @param path the file to create or replace
   * @param type the artifact type
   * @param formatVersion the payload format version, {@code >= 1}
   * @param provenance the provenance to store
   * @param payload writes the payload
   * @throws IllegalArgumentException if {@code formatVersion < 1}, the payload size is negative or
   *     the envelope would exceed {@link #MAX_SIZE}
   * @throws IllegalStateException if the payload writer does not write exactly its declared size
   * @throws IOException if the file cannot be written
   */
  public static void write(Path path, FormatType type, int formatVersion, Provenance provenance,
      PayloadWriter payload) throws IOException {
    Objects.requireNonNull(path, "path");
    Prepared p = prepare(type, formatVersion, provenance, payload);
    AtomicFiles.write(path, stream -> {
      MessageDigest sha = sha256();
      PayloadOutput out = new PayloadOutput(ByteBuffer.allocate(BUFFER_SIZE), buf -> {
        buf.flip();
        sha.update(buf.array(), buf.arrayOffset(), buf.limit());
        stream.write(buf.array(), buf.arrayOffset(), buf.limit());
        buf.clear();
      });
      p.writeBody(out);
      out.flush();
      stream.write(sha.digest());
    });
  }

  /**
   * Returns an envelope as bytes, in the same layout {@link #write} writes.
   *
   * @param type the artifact type
   * @param formatVersion the payload format version, {@code >= 1}
   * @param provenance the provenance to store
   * @param payload writes the payload
   * @return the envelope
   * @throws IllegalArgumentException if {@code formatVersion < 1}, the payload size is negative or
   *     the envelope would exceed {@link #MAX_SIZE}
   * @throws IllegalStateException if the payload writer does not write exactly its declared size
   */
  public static byte[] toBytes(FormatType type, int formatVersion, Provenance provenance,
      PayloadWriter payload) {
    Prepared p = prepare(type, formatVersion, provenance, payload);
    byte[] bytes = new byte[(int) p.totalSize];
    PayloadOutput out = new PayloadOutput(ByteBuffer.wrap(bytes), buf -> {
      throw new IllegalStateException("envelope buffer of " + bytes.length + " bytes is full");
    });
    try {
      p.writeBody(out);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory does not fail", e);
    }
    MessageDigest sha = sha256();
    int bodyLength = bytes.length - CHECKSUM_SIZE;
    sha.update(bytes, 0, bodyLength);
    System.arraycopy(sha.digest(), 0, bytes, bodyLength, CHECKSUM_SIZE);
    return bytes;
  }

  /**
   * Reads an envelope from a file, expecting the given type and a payload format version of at
   * most {@code maxSupportedVersion}. The file is read once into memory; the returned payload is a
   * view of that copy, and the file is closed on return.
   *
   * @param path the file
   * @param expected the type the caller can read
   * @param maxSupportedVersion the highest payload format version the caller can read, {@code >= 1}
   * @return the contents
   * @throws NotAnEnvelopeException if the file does not start with the reco magic
   * @throws TruncatedFileException if the file is shorter than its header declares
   * @throws ChecksumMismatchException if the file is corrupted
   * @throws UnknownFormatTypeException if the type code is unknown to this version
   * @throws WrongFormatTypeException if the file holds another type than {@code expected}
   * @throws UnsupportedFormatVersionException if the layout or payload version is not supported
   * @throws FormatException for any other malformed content, e.g. invalid provenance JSON
   * @throws IOException if the file cannot be read
   */
  public static EnvelopeContents read(Path path, FormatType expected, int maxSupportedVersion)
      throws IOException {
    Objects.requireNonNull(path, "path");
    checkReadArguments(expected, maxSupportedVersion);
    String source = path.toString();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] head = new byte[(int) Math.min(size, HEADER_SIZE)];
      int got = readFully(ch, ByteBuffer.wrap(head), 0);
      // Validate magic, version and lengths against the file size before allocating for it.
      Header.parse(head, got, size, source);
      if (size > MAX_SIZE) {
        throw new FormatException(source + ": file has " + size
            + " bytes; this reader holds envelopes of up to " + MAX_SIZE + " bytes");
      }
      byte[] all = new byte[(int) size];
      got = readFully(ch, ByteBuffer.wrap(all), 0);
      if (got < size) {
        throw new TruncatedFileException(source + ": truncated envelope: file shrank from "
            + size + " to " + got + " bytes while being read", got, size);
      }
      return parse(all, source, expected, maxSupportedVersion);
    }
  }

  /**
   * Reads an envelope from bytes, as {@link #read} does from a file. The array is copied once, so
   * later changes to it do not affect the result.
   *
   * @param bytes the envelope
   * @param expected the type the caller can read
   * @param maxSupportedVersion the highest payload format version the caller can read, {@code >= 1}
   * @return the contents
   * @throws NotAnEnvelopeException if the bytes do not start with the reco magic
   * @throws TruncatedFileException if there are fewer bytes than the header declares
   * @throws ChecksumMismatchException if the bytes are corrupted
   * @throws UnknownFormatTypeException if the type code is unknown to this version
   * @throws WrongFormatTypeException if the envelope holds another type than {@code expected}
   * @throws UnsupportedFormatVersionException if the layout or payload version is not supported
   * @throws FormatException for any other malformed content, e.g. invalid provenance JSON
   */
  public static EnvelopeContents fromBytes(byte[] bytes, FormatType expected, int maxSupportedVersion) {
    Objects.requireNonNull(bytes, "bytes");
    checkReadArguments(expected, maxSupportedVersion);
    return parse(bytes.clone(), IN_MEMORY, expected, maxSupportedVersion);
  }

  private static void checkReadArguments(FormatType expected, int maxSupportedVersion) {
    Objects.requireNonNull(expected, "expected");
    if (maxSupportedVersion < 1) {
      throw new IllegalArgumentException(
          "maxSupportedVersion = " + maxSupportedVersion + "; expected >= 1");
    }
  }

  /** Parses a whole envelope held in {@code bytes}, which the result then shares. */
  private static EnvelopeContents parse(byte[] bytes, String source, FormatType expected,
      int maxSupportedVersion) {
    Header h = Header.parse(bytes, bytes.length, bytes.length, source);
    int bodyLength = bytes.length - CHECKSUM_SIZE;
    MessageDigest sha = sha256();
    sha.update(bytes, 0, bodyLength);
    byte[] actual = sha.digest();
    if (!MessageDigest.isEqual(actual, Arrays.copyOfRange(bytes, bodyLength, bytes.length))) {
      throw new ChecksumMismatchException(source + ": corrupted envelope: SHA-256 of bytes [0, "
          + bodyLength + ") is " + hexDigest(actual, 0) + " but the file stores "
          + hexDigest(bytes, bodyLength) + "; expected them to be equal");
    }
    FormatType type = FormatType.lookup(h.typeCode);
    if (type == null) {
      throw new UnknownFormatTypeException(
          source + ": " + FormatType.unknownCodeMessage(h.typeCode), h.typeCode);
    }
    if (type != expected) {
      throw new WrongFormatTypeException(source + ": envelope holds " + type + " (code "
          + type.code() + "); expected " + expected + " (code " + expected.code() + ")",
          expected, type);
    }
    if (h.formatVersion < 1 || h.formatVersion > maxSupportedVersion) {
      throw new UnsupportedFormatVersionException(source + ": " + type + " payload format version "
          + h.formatVersion + " is not supported; this reader supports versions 1 to "
          + maxSupportedVersion + (h.formatVersion > maxSupportedVersion
              ? " (the file was probably written by a newer reco version)" : ""),
          h.formatVersion, maxSupportedVersion);
    }
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, HEADER_SIZE, (int) h.provenanceLength))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FormatException(source + ": provenance (" + h.provenanceLength
          + " bytes at offset " + HEADER_SIZE + ") is not valid UTF-8; expected UTF-8 JSON", e);
    }
    Provenance provenance;
    try {
      provenance = Provenance.fromJson(json);
    } catch (FormatException e) {
      throw new FormatException(source + ": " + e.getMessage(), e);
    }
    int payloadOffset = HEADER_SIZE + (int) h.provenanceLength;
    ByteBuffer payload = ByteBuffer.wrap(bytes, payloadOffset, (int) h.payloadLength).slice();
    return new EnvelopeContents(type, (int) h.formatVersion, provenance, payload, source);
  }

  private static Prepared prepare(FormatType type, int formatVersion, Provenance provenance,
      PayloadWriter payload) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(payload, "payload");
    if (formatVersion < 1) {
      throw new IllegalArgumentException("formatVersion = " + formatVersion + "; expected >= 1");
    }
    byte[] json = provenance.toJson().getBytes(StandardCharsets.UTF_8);
    long payloadSize = payload.size();
    long fixed = (long) HEADER_SIZE + json.length + CHECKSUM_SIZE;
    if (payloadSize < 0 || payloadSize > MAX_SIZE - fixed) {
      throw new IllegalArgumentException("payload size() = " + payloadSize + "; expected in [0, "
          + (MAX_SIZE - fixed) + "] so the envelope fits in " + MAX_SIZE + " bytes");
    }
    return new Prepared(type, formatVersion, json, payload, payloadSize, fixed + payloadSize);
  }

  /** The validated parts of an envelope to write. */
  private static final class Prepared {
    final FormatType type;
    final int formatVersion;
    final byte[] provenance;
    final PayloadWriter payload;
    final long payloadSize;
    final long totalSize;

    Prepared(FormatType type, int formatVersion, byte[] provenance, PayloadWriter payload,
        long payloadSize, long totalSize) {
      this.type = type;
      this.formatVersion = formatVersion;
      this.provenance = provenance;
      this.payload = payload;
      this.payloadSize = payloadSize;
      this.totalSize = totalSize;
    }

    /** Writes everything before the checksum. */
    void writeBody(PayloadOutput out) throws IOException {
      out.writeBytes(MAGIC);
      out.writeByte(LAYOUT_VERSION);
      out.writeByte(LAYOUT_VERSION >>> 8);
      out.writeByte(type.code());
      out.writeByte(type.code() >>> 8);
      out.writeInt(formatVersion);
      out.writeInt(provenance.length);
      out.writeLong(payloadSize);
      out.writeBytes(provenance);
      out.startPayload(payloadSize);
      payload.writeTo(out);
      out.endPayload();
    }
  }

  /** The fixed header, validated against the number of bytes that exist. */
  private static final class Header {
    final int typeCode;
    final long formatVersion;
    final long provenanceLength;
    final long payloadLength;

    private Header(int typeCode, long formatVersion, long provenanceLength, long payloadLength) {
      this.typeCode = typeCode;
      this.formatVersion = formatVersion;
      this.provenanceLength = provenanceLength;
      this.payloadLength = payloadLength;
    }

    /**
     * Parses the header from the first {@code available} bytes of {@code b}, for an envelope of
     * {@code size} bytes in all.
     */
    static Header parse(byte[] b, int available, long size, String source) {
      int magicBytes = Math.min(available, MAGIC.length);
      for (int i = 0; i < magicBytes; i++) {
        if (b[i] != MAGIC[i]) {
          throw new NotAnEnvelopeException(source + ": not a reco envelope: starts with "
              + hexBytes(b, Math.min(available, MAGIC.length)) + "; expected the magic "
              + hexBytes(MAGIC, MAGIC.length));
        }
      }
      if (available < 10) {
        throw truncated(source, size, HEADER_SIZE + CHECKSUM_SIZE, "the header");
      }
      ByteBuffer buf = ByteBuffer.wrap(b, 0, available).order(ByteOrder.LITTLE_ENDIAN);
      int layout = buf.getShort(8) & 0xFFFF;
      if (layout < 1 || layout > LAYOUT_VERSION) {
        throw new UnsupportedFormatVersionException(source + ": envelope layout version " + layout
            + " is not supported; this reader supports versions 1 to " + LAYOUT_VERSION
            + (layout > LAYOUT_VERSION ? " (the file was probably written by a newer reco version)" : ""),
            layout, LAYOUT_VERSION);
      }
      if (available < HEADER_SIZE) {
        throw truncated(source, size, HEADER_SIZE + CHECKSUM_SIZE, "the header");
      }
      int typeCode = buf.getShort(10) & 0xFFFF;
      long formatVersion = buf.getInt(12) & 0xFFFF_FFFFL;
      long provenanceLength = buf.getInt(16) & 0xFFFF_FFFFL;
      long payloadLength = buf.getLong(20);
      String declared = HEADER_SIZE + " (header) + " + provenanceLength + " (provenance) + "
          + Long.toUnsignedString(payloadLength) + " (payload) + " + CHECKSUM_SIZE + " (checksum)";
      // payloadLength < 0 means an unsigned value of 2^63 or more: certainly more than the file.
      boolean fits = payloadLength >= 0 && payloadLength <= size;
      long total = fits ? HEADER_SIZE + provenanceLength + payloadLength + CHECKSUM_SIZE : -1;
      if (!fits || total > size) {
        throw new TruncatedFileException(source + ": truncated envelope: file has " + size
            + " bytes but its header declares " + declared + " = "
            + (fits ? total + " bytes" : "more than " + size + " bytes")
            + " (or a length field in the header is corrupt)", size, total);
      }
      if (total < size) {
        throw new FormatException(source + ": file has " + size + " bytes but its header declares "
            + declared + " = " + total + " bytes; expected the file to end after the checksum ("
            + (size - total) + " extra bytes, or a length field in the header is corrupt)");
      }
      return new Header(typeCode, formatVersion, provenanceLength, payloadLength);
    }

    private static TruncatedFileException truncated(String source, long size, long atLeast,
        String what) {
      return new TruncatedFileException(source + ": truncated envelope: file has " + size
          + " bytes, which ends inside " + what + "; expected at least " + atLeast
          + " bytes (" + HEADER_SIZE + "-byte header and " + CHECKSUM_SIZE + "-byte checksum)",
          size, atLeast);
    }
  }

  private static int readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
    int total = 0;
    while (dst.hasRemaining()) {
      int n = ch.read(dst, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** The first {@code length} bytes as upper-case hex pairs separated by spaces. */
  static String hexBytes(byte[] b, int length) {
    StringBuilder sb = new StringBuilder(length * 3);
    for (int i = 0; i < length; i++) {
      sb.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%02X", b[i] & 0xFF));
    }
    return sb.toString();
  }

  /** A SHA-256 digest at {@code offset} as 64 lower-case hex digits. */
  static String hexDigest(byte[] b, int offset) {
    StringBuilder sb = new StringBuilder(2 * CHECKSUM_SIZE);
    for (int i = offset; i < offset + CHECKSUM_SIZE; i++) {
      sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
    }
    return sb.toString();
  }
}
