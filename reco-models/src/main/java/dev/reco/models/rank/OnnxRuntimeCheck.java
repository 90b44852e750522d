package dev.reco.models.rank;

/**
 * Checks that ONNX Runtime is on the classpath before any of its classes is touched, so that a
 * missing optional dependency surfaces as an {@link IllegalStateException} that names the Maven
 * coordinates to add, not as a bare {@link NoClassDefFoundError} from deep inside a call.
 */
final class OnnxRuntimeCheck {
  /** The class probed for; present in every ONNX Runtime Java jar. */
  static final String PROBE_CLASS = "ai.onnxruntime.OrtEnvironment";
  /** groupId:artifactId of the dependency. */
  static final String COORDINATES = "com.microsoft.onnxruntime:onnxruntime";
  /** The version reco-bom manages (and the tests run against). */
  static final String VERSION = "1.29.0";

  private OnnxRuntimeCheck() {}

  /**
   * Throws unless {@code className} can be loaded by {@code loader}; the class is not initialized.
   *
   * @param className the class to probe, normally {@link #PROBE_CLASS}
   * @param loader the loader to ask, normally the one that loaded reco
   * @throws IllegalStateException naming the coordinates to add if the class is absent
   */
  static void require(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(missingMessage(className), e);
    }
  }

  /** The message when {@code className} cannot be loaded. */
  static String missingMessage(String className) {
    return "OnnxRanker needs ONNX Runtime, but class " + className
        + " is not on the classpath; expected the optional dependency " + COORDINATES + ":"
        + VERSION + " (Maven: <dependency><groupId>com.microsoft.onnxruntime</groupId>"
        + "<artifactId>onnxruntime</artifactId><version>" + VERSION + "</version></dependency>;"
        + " Gradle: implementation(\"" + COORDINATES + ":" + VERSION + "\")). reco-models declares"
        + " it optional, so applications that use the ONNX backend add it themselves";
  }

  /**
   * The message when the jar is present but its native library cannot be loaded (e.g. a platform
   * the jar ships no binary for).
   */
  static String nativeMessage(Throwable cause) {
    return "ONNX Runtime (" + COORDINATES + ") is on the classpath but its native library could"
        + " not be loaded on " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
        + ": " + cause + "; expected a platform the onnxruntime jar ships a native library for"
        + " (see docs/rankers.md, optional dependency)";
  }
}
