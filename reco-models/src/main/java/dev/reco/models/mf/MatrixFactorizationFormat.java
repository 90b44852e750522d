package dev.reco.models.mf;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.format.Envelope;
import dev.reco.core.format.EnvelopeContents;
import dev.reco.core.format.FormatException;
import dev.reco.core.format.FormatType;
import dev.reco.core.format.PayloadInput;
import dev.reco.core.format.PayloadOutput;
import dev.reco.core.format.PayloadWriter;
import dev.reco.core.recommend.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stores a {@link MatrixFactorizationModel} in an envelope of type
 * {@link FormatType#MATRIX_FACTORIZATION}, with the model's provenance as the envelope's.
 * Reading gives a model {@link MatrixFactorizationModel#equals equal} to the one written: the same
 * ids, bit-identical factors, biases and clipping range, the same known users and seen matrix, so
 * predictions and recommendations are identical.
 *
 * <p>Payload format version 1, little-endian (details in {@code docs/mf-model.md}); {@code m}
 * users, {@code n} items, {@code f} factors:
 *
 * <pre>
 * u8   flags: bit 0 = biases, bit 1 = clipping range, bit 2 = seen matrix; other bits 0
 * u32  f, the factors per vector (&gt;= 1)
 * str  source name (u32 UTF-8 length, UTF-8 bytes)
 * u32  m, then m user ids as strings, in index order
 * u32  n, then n item ids as strings, in index order
 * m    × u8   known-user flags, 0 or 1
 * m·f  × f32  user factors, row-major
 * n·f  × f32  item factors, row-major
 * [f32 global mean, m × f32 user biases, n × f32 item biases]          if flags bit 0
 * [f32 min rating, f32 max rating]                                     if flags bit 1
 * [u32 nnz, (m+1) × i32 row pointers, nnz × i32 columns, nnz × f32 values]  if flags bit 2
 * </pre>
 *
 * <p>Size: {@code 13 + m (4f + 1) + 4 n f} bytes plus the ids and source name, {@code 4 (m + n +
 * 1)} with biases, 8 with a clipping range, {@code 4 (m + 2) + 8 nnz} with a seen matrix. Writing
 * streams the model's arrays; reading holds the file once plus the decoded arrays and the copies
 * the model builder makes.
 */
public final class MatrixFactorizationFormat {
  /** The payload format version this class writes, and the highest it reads. */
  public static final int VERSION = 1;

  static final int FLAG_BIASES = 1;
  static final int FLAG_CLIP = 2;
  static final int FLAG_SEEN = 4;

  private MatrixFactorizationFormat() {}

  /**
   * Writes a model to a file atomically, with the model's provenance.
   *
   * @param path the file to create or replace
   * @param model the model
   * @throws IllegalArgumentException if an id or the source name contains an unpaired surrogate
   *     (not representable in UTF-8) or the envelope would exceed {@link Envelope#MAX_SIZE};
   *     nothing is written
   * @throws IOException if the file cannot be written; any previous file is left untouched
   */
  public static void write(Path path, MatrixFactorizationModel model) throws IOException {
    Objects.requireNonNull(model, "model");
    Envelope.write(path, FormatType.MATRIX_FACTORIZATION, VERSION, model.provenance(),
        new Writer(model));
  }

  /**
   * Returns a model as envelope bytes, in the layout {@link #write} writes.
   *
   * @param model the model
   * @return the envelope
   * @throws IllegalArgumentException if an id contains an unpaired surrogate or the envelope would
   *     exceed {@link Envelope#MAX_SIZE}
   */
  public static byte[] toBytes(MatrixFactorizationModel model) {
    Objects.requireNonNull(model, "model");
    return Envelope.toBytes(FormatType.MATRIX_FACTORIZATION, VERSION, model.provenance(),
        new Writer(model));
  }

  /**
   * Reads a model from a file.
   *
   * @param path the file
   * @return the model, equal to the one written
   * @throws FormatException (or a subclass) if the file is not an intact matrix factorization
   *     envelope of a supported version, or its payload is malformed
   * @throws IOException if the file cannot be read
   */
  public static MatrixFactorizationModel read(Path path) throws IOException {
    return decode(Envelope.read(path, FormatType.MATRIX_FACTORIZATION, VERSION));
  }

  /**
   * Reads a model from envelope bytes.
   *
   * @param bytes the envelope
   * @return the model, equal to the one written
   * @throws FormatException (or a subclass) if the bytes are not an intact matrix factorization
   *     envelope of a supported version, or the payload is malformed
   */
  public static MatrixFactorizationModel fromBytes(byte[] bytes) {
    return decode(Envelope.fromBytes(bytes, FormatType.MATRIX_FACTORIZATION, VERSION));
  }

  /**
   * Decodes the payload of a matrix factorization envelope read with {@link Envelope#read} or
   * {@link Envelope#fromBytes}, e.g. by code that dispatches on {@link EnvelopeContents#type()}.
   *
   * @param contents an envelope of type {@link FormatType#MATRIX_FACTORIZATION}
   * @return the model, with the envelope's provenance
   * @throws IllegalArgumentException if the envelope holds another type (a dispatch error)
   * @throws FormatException if its payload version is not in {@code [1, VERSION]} or the payload
   *     is malformed
   */
  public static MatrixFactorizationModel decode(EnvelopeContents contents) {
    Objects.requireNonNull(contents, "contents");
    if (contents.type() != FormatType.MATRIX_FACTORIZATION) {
      throw new IllegalArgumentException(contents.source() + ": envelope holds "
          + contents.type() + "; expected " + FormatType.MATRIX_FACTORIZATION);
    }
    if (contents.formatVersion() < 1 || contents.formatVersion() > VERSION) {
      throw new FormatException(contents.source()
          + ": MATRIX_FACTORIZATION payload format version " + contents.formatVersion()
          + " is not supported; this reader supports versions 1 to " + VERSION);
    }
    return decodeV1(contents);
  }

  private static MatrixFactorizationModel decodeV1(EnvelopeContents contents) {
    PayloadInput in = contents.payloadInput();
    int flags = in.readUnsignedByte();
    if ((flags & ~(FLAG_BIASES | FLAG_CLIP | FLAG_SEEN)) != 0) {
      throw in.malformed("flags = 0x" + Integer.toHexString(flags)
          + "; expected only bit 0 (biases), bit 1 (clipping range) and bit 2 (seen matrix)");
    }
    long f = in.readUnsignedInt();
    if (f < 1 || f > Integer.MAX_VALUE - 8) {
      throw in.malformed("factors = " + f + "; expected factors in [1, " + (Integer.MAX_VALUE - 8)
          + "]");
    }
    int factors = (int) f;
    String sourceName = in.readString();
    Source source;
    try {
      source = new Source(sourceName);
    } catch (IllegalArgumentException e) {
      throw in.malformed("source name is invalid: " + e.getMessage(), e);
    }
    IdIndex users = readIds(in, "user ids");
    IdIndex items = readIds(in, "item ids");
    int m = users.size();
    int n = items.size();
    byte[] knownBytes = in.readBytes(m);
    boolean[] known = new boolean[m];
    for (int u = 0; u < m; u++) {
      if (knownBytes[u] != 0 && knownBytes[u] != 1) {
        throw in.malformed("known flag of user " + u + " = " + (knownBytes[u] & 0xFF)
            + "; expected 0 or 1");
      }
      known[u] = knownBytes[u] == 1;
    }
    float[] userFactors = in.readFloats(floatCount(in, "user factors", m, factors));
    float[] itemFactors = in.readFloats(floatCount(in, "item factors", n, factors));
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(users, items, factors);
    try {
      b.userFactors(userFactors).itemFactors(itemFactors).knownUsers(known)
          .provenance(contents.provenance()).source(source);
      if ((flags & FLAG_BIASES) != 0) {
        float mean = in.readFloat();
        float[] userBias = in.readFloats(m);
        float[] itemBias = in.readFloats(n);
        b.biases(mean, userBias, itemBias);
      }
      if ((flags & FLAG_CLIP) != 0) {
        float min = in.readFloat();
        float max = in.readFloat();
        b.clip(min, max);
      }
      if ((flags & FLAG_SEEN) != 0) {
        b.seen(readSeen(in, m, n));
      }
    } catch (IllegalArgumentException e) {
      throw in.malformed("model is invalid: " + e.getMessage(), e);
    }
    in.expectEnd();
    return b.build();
  }

  /** Returns {@code rows * factors} after checking it fits in the remaining bytes. */
  private static int floatCount(PayloadInput in, String what, int rows, int factors) {
    long count = (long) rows * factors;
    if (count * 4 > in.remaining()) {
      throw in.malformed(what + ": " + rows + " x " + factors + " floats need " + count * 4
          + " bytes but only " + in.remaining() + " remain at payload offset " + in.position());
    }
    return (int) count;
  }

  private static CsrMatrix readSeen(PayloadInput in, int m, int n) {
    int nnz = in.readCount("seen entries", 8);
    int[] indptr = in.readInts(m + 1);
    int[] indices = in.readInts(nnz);
    float[] values = in.readFloats(nnz);
    if (indptr[0] != 0 || indptr[m] != nnz) {
      throw in.malformed("seen row pointers run from " + indptr[0] + " to " + indptr[m]
          + "; expected 0 to nnz = " + nnz);
    }
    for (int r = 0; r < m; r++) {
      if (indptr[r + 1] < indptr[r] || indptr[r + 1] > nnz) {
        throw in.malformed("seen row pointer " + (r + 1) + " = " + indptr[r + 1]
            + " after row pointer " + r + " = " + indptr[r] + "; expected non-decreasing values"
            + " up to nnz = " + nnz);
      }
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        int c = indices[p];
        if (c < 0 || c >= n) {
          throw in.malformed("seen column " + c + " in row " + r + "; expected in [0, " + n + ")");
        }
        if (p > indptr[r] && c <= indices[p - 1]) {
          throw in.malformed("seen columns of row " + r + " are not strictly increasing ("
              + indices[p - 1] + " then " + c + "); expected sorted, distinct columns");
        }
      }
    }
    return CsrArrays.fromCsr(m, n, indptr, indices, values);
  }

  private static IdIndex readIds(PayloadInput in, String what) {
    int count = in.readCount(what, 4);
    // grow as strings are read, so memory follows the bytes actually present
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

  /** Writes payload version 1; validates every string in {@link #size()}, before the file exists. */
  private static final class Writer implements PayloadWriter {
    private final MatrixFactorizationModel model;

    Writer(MatrixFactorizationModel model) {
      this.model = model;
    }

    @Override
    public long size() {
      long m = model.users().size();
      long n = model.items().size();
      long f = model.factors();
      long size = 1 + 4 + PayloadOutput.stringSize(model.source().name())
          + idsSize(model.users(), "user") + idsSize(model.items(), "item")
          + m + 4 * f * (m + n);
      if (model.hasBiases()) {
        size += 4 * (1 + m + n);
      }
      if (!Float.isNaN(model.minRating())) {
        size += 8;
      }
      CsrMatrix seen = model.seen().orElse(null);
      if (seen != null) {
        size += 4 + 4 * (m + 1) + 8L * seen.nnz();
      }
      return size;
    }

    @Override
    public void writeTo(PayloadOutput out) throws IOException {
      CsrMatrix seen = model.seen().orElse(null);
      boolean clip = !Float.isNaN(model.minRating());
      out.writeByte((model.hasBiases() ? FLAG_BIASES : 0) | (clip ? FLAG_CLIP : 0)
          | (seen != null ? FLAG_SEEN : 0));
      out.writeInt(model.factors());
      out.writeString(model.source().name());
      writeIds(out, model.users());
      writeIds(out, model.items());
      boolean[] known = model.knownUserArray();
      byte[] flags = new byte[known.length];
      for (int u = 0; u < known.length; u++) {
        flags[u] = (byte) (known[u] ? 1 : 0);
      }
      out.writeBytes(flags);
      out.writeFloats(model.userFactorsArray());
      out.writeFloats(model.itemFactorsArray());
      if (model.hasBiases()) {
        out.writeFloat(model.globalMean());
        out.writeFloats(model.userBiasArray());
        out.writeFloats(model.itemBiasArray());
      }
      if (clip) {
        out.writeFloat(model.minRating());
        out.writeFloat(model.maxRating());
      }
      if (seen != null) {
        // element by element: no copy of the matrix
        out.writeInt(seen.nnz());
        out.writeInt(0);
        for (int r = 0; r < seen.numRows(); r++) {
          out.writeInt(seen.rowEnd(r));
        }
        for (int p = 0; p < seen.nnz(); p++) {
          out.writeInt(seen.columnAt(p));
        }
        for (int p = 0; p < seen.nnz(); p++) {
          out.writeFloat(seen.valueAt(p));
        }
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
