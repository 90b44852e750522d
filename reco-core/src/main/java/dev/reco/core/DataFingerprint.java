package dev.reco.core;

import java.util.Objects;

/**
 * Identifies a data set a model was fitted on: its size and a SHA-256 of its content.
 *
 * @param rows number of interactions
 * @param users number of users in the user index
 * @param items number of items in the item index
 * @param contentHash lower-case hex SHA-256 over the ids and every column, in row order
 */
public record DataFingerprint(long rows, int users, int items, String contentHash) {
  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if a count is negative or the hash is not 64 hex digits
   */
  public DataFingerprint {
    if (rows < 0 || users < 0 || items < 0) {
      throw new IllegalArgumentException(
          "counts rows=" + rows + ", users=" + users + ", items=" + items + "; expected all >= 0");
    }
    Objects.requireNonNull(contentHash, "contentHash");
    if (!contentHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "contentHash = '" + contentHash + "'; expected 64 lower-case hex digits (SHA-256)");
    }
  }
}
