package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void createsAndReplacesFiles() throws IOException {
    Path file = dir.resolve("a.bin");
    AtomicFiles.write(file, out -> out.write(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    AtomicFiles.write(file, out -> {
      out.write(9);
      out.close(); // allowed: the file is still completed and renamed
    });
    assertArrayEquals(new byte[] {9}, Files.readAllBytes(file));
    assertEquals(List.of("a.bin"), listing());
  }

  @Test
  void aWriterThatThrowsLeavesThePreviousFileUntouched() throws IOException {
    Path file = dir.resolve("model.reco");
    byte[] before = "previous content".getBytes(StandardCharsets.UTF_8);
    Files.write(file, before);
    IOException failure = new IOException("disk on fire");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write(new byte[100_000]); // part of the new content reaches the temporary file
      throw failure;
    }));
    assertSame(failure, e);
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("model.reco"), listing(), "the temporary file is deleted");
    // unchecked failures too
    assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
      out.write(1);
      throw new IllegalStateException("bug");
    }));
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("model.reco"), listing());
  }

  @Test
  void aPayloadWriterThatThrowsMidwayLeavesThePreviousEnvelopeUntouched() throws IOException {
    Path file = dir.resolve("interactions.reco");
    Interactions x = Interactions.builder(DuplicatePolicy.SUM).add("u", "i", 1f).build();
    InteractionsFormat.write(file, x, TestEnvelopes.provenance());
    byte[] before = Files.readAllBytes(file);
    PayloadWriter failing = new PayloadWriter() {
      @Override
      public long size() {
        return 1_000_000;
      }

      @Override
      public void writeTo(PayloadOutput out) throws IOException {
        out.writeInts(new int[200_000]); // 800 kB, past several buffer flushes
        throw new IOException("source went away at byte " + out.written());
      }
    };
    IOException e = assertThrows(IOException.class, () -> Envelope.write(file,
        FormatType.INTERACTIONS, 1, TestEnvelopes.provenance(), failing));
    assertTrue(e.getMessage().contains("800000"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("interactions.reco"), listing());
    assertEquals(x, InteractionsFormat.read(file));
  }

  @Test
  void aMissingDirectoryFailsWithoutLeavingFiles() {
    Path file = dir.resolve("missing").resolve("x.bin");
    assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(file, out -> out.write(1)));
  }

  @Test
  void aDirectoryTargetIsRefused() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(sub, out -> out.write(1)));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    assertEquals(List.of("sub"), listing());
  }
}
