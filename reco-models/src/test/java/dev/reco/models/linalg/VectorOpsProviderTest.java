package dev.reco.models.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How {@link VectorOps#best()} chooses. The test JVM runs with {@code --add-modules
 * jdk.incubator.vector} (see the surefire argLine), so the SIMD implementation is available here;
 * child JVMs check the property override, a JVM without the module, and that interpreted code
 * computes the same bits as this compiled JVM.
 */
class VectorOpsProviderTest {
  private static final String NORMAL_VM = "mixed mode, sharing";

  @Test
  void bestIsTheSimdImplementationInTheTestJvm() {
    VectorOps best = VectorOps.best();
    assertTrue(best.name().startsWith("panama-"),
        best.name() + ": run the tests with --add-modules jdk.incubator.vector");
    assertSame(best, VectorOps.best());
    assertEquals(VectorOpsProvider.hardwareFma(), best.name().endsWith("-fma"), best.name());
  }

  @Test
  void scalarWhenForced() {
    assertSame(VectorOps.scalar(), VectorOpsProvider.choose("scalar", "auto", NORMAL_VM));
    assertSame(VectorOps.scalar(), VectorOpsProvider.choose(" Scalar ", "true", NORMAL_VM));
  }

  @Test
  void simdWhenAutoOrAsked() {
    assertTrue(VectorOpsProvider.choose("auto", "auto", NORMAL_VM).name().startsWith("panama-"));
    assertTrue(VectorOpsProvider.choose("panama", "true", NORMAL_VM).name().endsWith("-fma"));
    VectorOps mulAdd = VectorOpsProvider.choose("panama", "false", NORMAL_VM);
    assertTrue(mulAdd.name().matches("panama-\\d+"), mulAdd.name());
  }

  @Test
  void scalarWhenTheC2CompilerIsOffUnlessSimdIsAsked() {
    assertSame(VectorOps.scalar(), VectorOpsProvider.choose("auto", "auto", "interpreted mode"));
    assertSame(VectorOps.scalar(),
        VectorOpsProvider.choose("auto", "auto", "mixed mode, emulated-client, sharing"));
    assertTrue(VectorOpsProvider.choose("panama", "auto", "interpreted mode").name()
        .startsWith("panama-"));
  }

  @Test
  void unknownPropertyValuesFallBackToAuto() {
    assertTrue(VectorOpsProvider.choose("simd", "maybe", NORMAL_VM).name().startsWith("panama-"));
  }

  @Test
  void panamaNamesItsVectorWidthAndFma() {
    VectorOps fused = VectorOpsProvider.panama(true);
    VectorOps plain = VectorOpsProvider.panama(false);
    assertEquals(plain.name() + "-fma", fused.name());
    int bits = Integer.parseInt(plain.name().substring("panama-".length()));
    assertTrue(bits >= 128 && Integer.bitCount(bits) == 1, plain.name());
  }

  @Test
  void childJvmUsesScalarWhenForcedByTheProperty() throws Exception {
    String out = runProbe(List.of("--add-modules", "jdk.incubator.vector", "-Dreco.vector=scalar"));
    assertEquals("scalar " + VectorOpsProbe.digest(VectorOps.scalar()), out);
  }

  @Test
  void childJvmWithoutTheModuleUsesScalar() throws Exception {
    // the jar must load and run where jdk.incubator.vector is absent
    String out = runProbe(List.of());
    assertEquals("scalar " + VectorOpsProbe.digest(VectorOps.scalar()), out);
  }

  @Test
  void interpretedSimdKernelsComputeTheSameBitsAsCompiledOnes() throws Exception {
    // warm this JVM's kernels up so they are compiled, then compare with a -Xint child
    VectorOps best = VectorOps.best();
    String digest = VectorOpsProbe.digest(best);
    for (int k = 0; k < 3_000; k++) {
      assertEquals(digest, VectorOpsProbe.digest(best));
    }
    String out = runProbe(List.of("--add-modules", "jdk.incubator.vector", "-Xint",
        "-Dreco.vector=panama"));
    assertEquals(best.name() + " " + digest, out);
  }

  @Test
  void narrowerVectorsWorkAndAreAsDeterministic() throws Exception {
    // MaxVectorSize=16 makes the preferred species 128 bits (4 lanes, the NEON and SSE width);
    // creating it passes the self-check, and interpreted and compiled kernels agree bit for bit
    List<String> options = List.of("--add-modules", "jdk.incubator.vector",
        "-XX:MaxVectorSize=16", "-Dreco.vector=panama");
    String compiled = runProbe(options);
    assertTrue(compiled.startsWith("panama-128"), compiled);
    List<String> interpreted = new ArrayList<>(options);
    interpreted.add("-Xint");
    assertEquals(compiled, runProbe(interpreted));
  }

  /** Runs {@link VectorOpsProbe} in a fresh JVM with the given options; returns its output. */
  private static String runProbe(List<String> jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(VectorOpsProbe.class.getName());
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out;
    try (InputStream in = process.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("probe JVM did not finish: " + command);
    }
    assertEquals(0, process.exitValue(), "probe JVM failed: " + command + "\n" + out);
    return out;
  }
}
