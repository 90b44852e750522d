package dev.reco.models.linalg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses {@link VectorOps#best()} once per JVM and logs the choice at INFO.
 *
 * <p>System property {@value #PROPERTY}: {@code auto} (default) uses the SIMD implementation when
 * the {@code jdk.incubator.vector} module is present and the C2 compiler is on, the scalar one
 * otherwise; {@code scalar} forces the scalar one; {@code panama} asks for the SIMD one even
 * without C2 (it still falls back, with a warning, when the module is missing). System property
 * {@value #FMA_PROPERTY}: {@code auto} (default) fuses multiply-adds when the JVM runs with
 * {@code UseFMA} (hardware FMA), {@code true} or {@code false} force it.
 */
final class VectorOpsProvider {
  /** Selects the implementation: {@code auto}, {@code scalar} or {@code panama}. */
  static final String PROPERTY = "reco.vector";
  /** Selects fused multiply-add in the SIMD implementation: {@code auto}, {@code true}, {@code false}. */
  static final String FMA_PROPERTY = "reco.vector.fma";

  private static final Logger LOG = LoggerFactory.getLogger(VectorOps.class);
  private static final String MODULE = "jdk.incubator.vector";
  private static final String PANAMA_CLASS = "dev.reco.models.linalg.PanamaVectorOps";

  static final VectorOps BEST = choose(System.getProperty(PROPERTY, "auto"),
      System.getProperty(FMA_PROPERTY, "auto"), System.getProperty("java.vm.info", ""));

  private VectorOpsProvider() {}

  /**
   * Chooses an implementation from the two property values and {@code java.vm.info}, logging the
   * choice and the reason for any fallback.
   */
  static VectorOps choose(String mode, String fmaMode, String vmInfo) {
    String m = mode.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("auto") && !m.equals("scalar") && !m.equals("panama")) {
      LOG.warn("VectorOps: {} = '{}'; expected auto, scalar or panama; choosing automatically",
          PROPERTY, mode);
      m = "auto";
    }
    if (m.equals("scalar")) {
      LOG.info("VectorOps: scalar ({} = scalar)", PROPERTY);
      return VectorOps.scalar();
    }
    if (m.equals("auto") && (vmInfo.contains("interpreted mode")
        || vmInfo.contains("emulated-client"))) {
      LOG.info("VectorOps: scalar (the C2 compiler is off, java.vm.info = '{}'; SIMD kernels "
          + "would be slower than plain loops)", vmInfo);
      return VectorOps.scalar();
    }
    Boolean fma = parseFma(fmaMode);
    try {
      VectorOps ops = fma == null ? panama() : panama(fma);
      LOG.info("VectorOps: {} ({})", ops.name(), MODULE);
      return ops;
    } catch (UnsupportedOperationException e) {
      if (m.equals("panama")) {
        LOG.warn("VectorOps: scalar although {} = panama ({})", PROPERTY, e.getMessage());
      } else {
        LOG.info("VectorOps: scalar ({})", e.getMessage());
      }
      return VectorOps.scalar();
    }
  }

  /** Returns the forced FMA setting, or null for auto. */
  private static Boolean parseFma(String fmaMode) {
    switch (fmaMode.trim().toLowerCase(Locale.ROOT)) {
      case "auto":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        LOG.warn("VectorOps: {} = '{}'; expected auto, true or false; choosing automatically",
            FMA_PROPERTY, fmaMode);
        return null;
    }
  }

  /**
   * Returns the SIMD implementation with FMA as the hardware suggests.
   *
   * @throws UnsupportedOperationException naming the reason when it cannot be used
   */
  static VectorOps panama() {
    return loadPanama(new Class<?>[0], new Object[0]);
  }

  /**
   * Returns the SIMD implementation with or without fused multiply-add.
   *
   * @throws UnsupportedOperationException naming the reason when it cannot be used
   */
  static VectorOps panama(boolean fma) {
    return loadPanama(new Class<?>[] {boolean.class}, new Object[] {fma});
  }

  private static VectorOps loadPanama(Class<?>[] parameterTypes, Object[] arguments) {
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      throw new UnsupportedOperationException(
          "module " + MODULE + " is not present; run with --add-modules " + MODULE);
    }
    try {
      Class<?> type = Class.forName(PANAMA_CLASS);
      return (VectorOps) type.getDeclaredMethod("create", parameterTypes).invoke(null, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnsupportedOperationException) {
        throw (UnsupportedOperationException) cause;
      }
      throw new UnsupportedOperationException(PANAMA_CLASS + " failed: " + cause, cause);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new UnsupportedOperationException(PANAMA_CLASS + " could not be loaded: " + e, e);
    }
  }

  /**
   * Returns whether this JVM runs with {@code UseFMA}, i.e. has hardware fused multiply-add that
   * the JIT uses; false when that cannot be told (no HotSpot diagnostic bean).
   */
  static boolean hardwareFma() {
    try {
      HotSpotDiagnosticMXBean bean =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return bean != null && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
