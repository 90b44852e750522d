package dev.reco.core.registry;

/** Runs the registry contract against the in-memory registry. */
class InMemoryModelRegistryTest extends ModelRegistryContractTest {
  @Override
  protected ModelRegistry create(TickingClock clock) {
    return ModelRegistry.inMemory(clock);
  }
}
