package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.reco.core.format.ChecksumMismatchException;
import dev.reco.core.format.FormatException;
import dev.reco.core.format.TruncatedFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated model files: a changed envelope is never read, and a garbled payload inside an intact
 * envelope fails with a {@link FormatException} or reads as some valid model, never with another
 * exception. Every failure message names where the bytes came from.
 */
class MatrixFactorizationFormatFuzzTest {
  private static final byte[] VALID = MatrixFactorizationFormat.toBytes(
      SmallModels.biased().withUsers(List.of("zo\u00eb"), new float[] {0.5f, 1f}));
  private static final byte[] VALID_SEEN = MatrixFactorizationFormat.toBytes(SmallModels.plain());

  /** One edit: flip a byte, insert, delete, truncate or append. */
  record Mutation(int kind, int position, int value, int length) {
    byte[] apply(byte[] in) {
      int n = in.length;
      switch (kind) {
        case 0: {
          if (n == 0) {
            return in;
          }
          byte[] out = in.clone();
          out[position % n] ^= (byte) (1 + value % 255);
          return out;
        }
        case 1: {
          int at = position % (n + 1);
          byte[] out = new byte[n + length];
          System.arraycopy(in, 0, out, 0, at);
          Arrays.fill(out, at, at + length, (byte) value);
          System.arraycopy(in, at, out, at + length, n - at);
          return out;
        }
        case 2: {
          if (n == 0) {
            return in;
          }
          int at = position % n;
          int len = Math.min(length, n - at);
          byte[] out = new byte[n - len];
          System.arraycopy(in, 0, out, 0, at);
          System.arraycopy(in, at + len, out, at, n - at - len);
          return out;
        }
        case 3:
          return Arrays.copyOf(in, n == 0 ? 0 : position % n);
        default: {
          byte[] out = Arrays.copyOf(in, n + length);
          Arrays.fill(out, n, n + length, (byte) value);
          return out;
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(
        Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.integers().between(0, 255),
        Arbitraries.integers().between(1, 16)).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 500, seed = "31337")
  void mutatedEnvelopesAreAlwaysRejected(@ForAll("mutations") List<Mutation> edits) {
    byte[] bytes = VALID;
    for (Mutation m : edits) {
      bytes = m.apply(bytes);
    }
    if (Arrays.equals(bytes, VALID)) {
      return;
    }
    try {
      MatrixFactorizationFormat.fromBytes(bytes);
    } catch (FormatException expected) {
      assertNamesTheSource(expected);
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("expected a FormatException, got " + e, e);
    }
    fail("a changed envelope was read successfully");
  }

  @Property(tries = 500, seed = "2024")
  void garbledPayloadsFailOnlyWithFormatExceptions(@ForAll("mutations") List<Mutation> edits,
      @ForAll boolean withSeen) {
    byte[] payload = MatrixFactorizationFormatTest.payload(withSeen ? VALID_SEEN : VALID);
    for (Mutation m : edits) {
      payload = m.apply(payload);
    }
    byte[] envelope = MatrixFactorizationFormatTest.envelope(1, payload);
    try {
      MatrixFactorizationModel model = MatrixFactorizationFormat.fromBytes(envelope);
      // a payload that happens to be well formed must give a model that serves and saves
      if (model.users().size() > 0) {
        model.recommend(model.users().idOf(0), 3);
      }
      MatrixFactorizationFormat.toBytes(model);
    } catch (FormatException expected) {
      assertNamesTheSource(expected);
    } catch (RuntimeException | Error e) {
      throw new AssertionError("expected a FormatException, got " + e, e);
    }
  }

  private static void assertNamesTheSource(FormatException e) {
    String message = e.getMessage();
    assertTrue(message != null && message.startsWith("in-memory envelope"), String.valueOf(message));
  }

  @Test
  void everyTruncationIsATruncatedFile() {
    for (int length = 0; length < VALID.length; length++) {
      byte[] prefix = Arrays.copyOf(VALID, length);
      TruncatedFileException e = assertThrows(TruncatedFileException.class,
          () -> MatrixFactorizationFormat.fromBytes(prefix), "length " + length);
      assertNamesTheSource(e);
    }
  }

  @Test
  void damagedFilesNameTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("model.reco");
    MatrixFactorizationFormat.write(file, SmallModels.plain());
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(VALID_SEEN, bytes);

    Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
    TruncatedFileException truncated = assertThrows(TruncatedFileException.class,
        () -> MatrixFactorizationFormat.read(file));
    assertTrue(truncated.getMessage().contains(file.toString()), truncated.getMessage());

    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x01;
    Files.write(file, flipped);
    ChecksumMismatchException checksum = assertThrows(ChecksumMismatchException.class,
        () -> MatrixFactorizationFormat.read(file));
    assertTrue(checksum.getMessage().contains(file.toString()), checksum.getMessage());
  }
}
