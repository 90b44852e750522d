package dev.reco.models.linalg;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses {@link VectorOps#best()} once per JVM. */
final class VectorOpsProvider {
  private static final Logger LOG = LoggerFactory.getLogger(VectorOps.class);
  static final VectorOps BEST = choose();

  private VectorOpsProvider() {}

  private static VectorOps choose() {
    Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
    if (vector.isEmpty()) {
      LOG.info("VectorOps: scalar (run with --add-modules jdk.incubator.vector for SIMD kernels)");
      return VectorOps.scalar();
    }
    try {
      Class<?> type = Class.forName("dev.reco.models.linalg.PanamaVectorOps");
      VectorOps ops = (VectorOps) type.getDeclaredMethod("create").invoke(null);
      LOG.info("VectorOps: {} (jdk.incubator.vector)", ops.name());
      return ops;
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.info("VectorOps: scalar ({} could not be used: {})", "jdk.incubator.vector", e.toString());
      return VectorOps.scalar();
    }
  }
}
