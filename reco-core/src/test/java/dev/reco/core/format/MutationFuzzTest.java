package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Feeds random bytes and mutated valid envelopes to the readers: a read must never succeed on a
 * changed file, and must never fail with anything but a {@link FormatException}.
 */
class MutationFuzzTest {
  private static final Interactions TABLE = Interactions.builder(DuplicatePolicy.KEEP_ALL)
      .add("alice", "book", 3f, 100L, "view")
      .add("bob", "pen", 1.5f, -50L, "purchase")
      .add("zo\u00eb", "book", -2f, 7L, "view")
      .build();

  private static final byte[] VALID = InteractionsFormat.toBytes(TABLE, TestEnvelopes.provenance());

  /** One edit of a byte array; positions are taken modulo the current length. */
  record Mutation(int kind, int position, int value, int length) {
    byte[] apply(byte[] in) {
      int n = in.length;
      switch (kind) {
        case 0: { // flip bits of one byte (value is never 0 mod 256)
          if (n == 0) {
            return in;
          }
          byte[] out = in.clone();
          out[position % n] ^= (byte) (1 + value % 255);
          return out;
        }
        case 1: { // insert bytes
          int at = position % (n + 1);
          byte[] out = new byte[n + length];
          System.arraycopy(in, 0, out, 0, at);
          Arrays.fill(out, at, at + length, (byte) value);
          System.arraycopy(in, at, out, at + length, n - at);
          return out;
        }
        case 2: { // delete bytes
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
        case 3: // truncate
          return Arrays.copyOf(in, n == 0 ? 0 : position % n);
        default: { // append bytes
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
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  private static void assertRejected(byte[] bytes) {
    try {
      InteractionsFormat.fromBytes(bytes);
    } catch (FormatException expected) {
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("expected a FormatException, got " + e, e);
    }
    fail("a changed envelope was read successfully");
  }

  @Property(tries = 1500, seed = "1114")
  void mutatedEnvelopesAreAlwaysRejected(@ForAll("mutations") List<Mutation> edits) {
    byte[] bytes = VALID;
    for (Mutation m : edits) {
      bytes = m.apply(bytes);
    }
    if (Arrays.equals(bytes, VALID)) {
      return; // the edits cancelled out (e.g. a flip, then the same flip)
    }
    assertRejected(bytes);
  }

  @Property(tries = 1000, seed = "2718")
  void randomBytesAreAlwaysRejected(@ForAll @Size(max = 300) byte[] bytes) {
    assertRejected(bytes);
  }

  @Property(tries = 500, seed = "3141")
  void randomBytesAfterTheMagicAreAlwaysRejected(@ForAll @Size(max = 300) byte[] tail) {
    byte[] bytes = Arrays.copyOf(TestEnvelopes.MAGIC, 8 + tail.length);
    System.arraycopy(tail, 0, bytes, 8, tail.length);
    if (tail.length >= 2) {
      bytes[8] = 1; // layout version 1, so the reader gets past the version check
      bytes[9] = 0;
    }
    assertRejected(bytes);
  }

  /**
   * Random and mutated payloads inside intact envelopes reach the payload decoder: it may accept
   * them when they happen to be well formed, but never fails with another exception type.
   */
  @Property(tries = 1000, seed = "577")
  void garbledPayloadsFailOnlyWithFormatExceptions(@ForAll("mutations") List<Mutation> edits) {
    ByteBuffer payload = Envelope.fromBytes(VALID, FormatType.INTERACTIONS, 1).payload();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    for (Mutation m : edits) {
      bytes = m.apply(bytes);
    }
    byte[] envelope = TestEnvelopes.build(FormatType.INTERACTIONS, 1, bytes);
    try {
      InteractionsFormat.fromBytes(envelope);
    } catch (FormatException expected) {
      // fine
    } catch (RuntimeException | Error e) {
      throw new AssertionError("expected a FormatException, got " + e, e);
    }
  }

  @Property(tries = 300, seed = "9001")
  void absurdHeaderLengthsAreTruncationsNotAllocations(@ForAll int provenanceLength,
      @ForAll long payloadLength) {
    byte[] bytes = VALID.clone();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(16, provenanceLength).putLong(20, payloadLength);
    if (Arrays.equals(bytes, VALID)) {
      return;
    }
    assertThrows(FormatException.class, () -> InteractionsFormat.fromBytes(bytes));
  }
}
