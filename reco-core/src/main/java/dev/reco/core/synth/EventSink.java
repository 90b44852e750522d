package dev.reco.core.synth;

/**
 * Receives the synthetic event stream one event at a time, as primitives, so that consuming
 * millions of events allocates nothing per event.
 *
 * <p>Events arrive in non-decreasing time order. Indexes refer to {@link UserPopulation} and
 * {@link ItemCatalog}; {@code type} is one of the {@link EventType} constants.
 */
@FunctionalInterface
public interface EventSink {
  /**
   * Accepts one event.
   *
   * @param user user index in {@code [0, users)}
   * @param item item index in {@code [0, items)}
   * @param epochMillis event time in epoch milliseconds
   * @param type the event type
   * @param value the implicit-feedback value, {@code type.value()}
   */
  void accept(int user, int item, long epochMillis, EventType type, float value);
}
