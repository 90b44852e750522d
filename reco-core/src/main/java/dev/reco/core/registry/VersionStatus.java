package dev.reco.core.registry;

/** Lifecycle status of a model version. */
public enum VersionStatus {
  /** Usable: aliases may point to it and {@code latest} may resolve to it. */
  ACTIVE,
  /**
   * Kept for the record (its artifact still loads) but retired: no alias may point to it and
   * {@code latest} skips it. {@link ModelRegistry#restore} makes it active again.
   */
  ARCHIVED
}
