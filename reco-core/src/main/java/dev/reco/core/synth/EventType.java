package dev.reco.core.synth;

/**
 * The kinds of synthetic e-commerce events, in funnel order: a view may lead to an add-to-cart
 * of the same item by the same user, which may lead to a purchase.
 *
 * <p>Each type carries the implicit-feedback value the generator emits with it: 1 for a view, 2
 * for an add-to-cart, 4 for a purchase (each funnel step doubles the weight).
 */
public enum EventType {
  /** The user looked at the item's page. */
  VIEW("view", 1f),
  /** The user put the item in the cart, some minutes after viewing it. */
  ADD_TO_CART("add_to_cart", 2f),
  /** The user bought the item, some minutes after putting it in the cart. */
  PURCHASE("purchase", 4f);

  private final String label;
  private final float value;

  EventType(String label, float value) {
    this.label = label;
    this.value = value;
  }

  /**
   * Returns the name used in CSV files and in the event-type column of
   * {@link dev.reco.core.Interactions}: {@code "view"}, {@code "add_to_cart"} or
   * {@code "purchase"}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Returns the implicit-feedback value emitted with events of this type.
   *
   * @return 1, 2 or 4
   */
  public float value() {
    return value;
  }

  /**
   * Returns the type with a given label.
   *
   * @param label {@code "view"}, {@code "add_to_cart"} or {@code "purchase"}
   * @return the type
   * @throws IllegalArgumentException if the label is not one of these
   */
  public static EventType fromLabel(String label) {
    for (EventType type : values()) {
      if (type.label.equals(label)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "event label = '" + label + "'; expected one of view, add_to_cart, purchase");
  }
}
