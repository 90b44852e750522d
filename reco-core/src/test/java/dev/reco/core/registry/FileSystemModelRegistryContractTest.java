package dev.reco.core.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the registry contract against the file-system registry. */
class FileSystemModelRegistryContractTest extends ModelRegistryContractTest {
  @TempDir
  Path dir;

  @Override
  protected ModelRegistry create(TickingClock clock) {
    return ModelRegistry.open(dir.resolve("registry"), clock);
  }
}
