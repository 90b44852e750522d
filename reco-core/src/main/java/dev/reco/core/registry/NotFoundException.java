package dev.reco.core.registry;

import dev.reco.core.RecoException;

/**
 * Thrown when an operation names a model, version, alias, tag or run that does not exist. Lookups
 * that return {@link java.util.Optional} report absence with an empty result instead; this
 * exception is for operations that need the thing to exist (moving an alias to a version, reading
 * an artifact, logging to a run). The message names what was looked up.
 */
public final class NotFoundException extends RecoException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message) {
    super(message);
  }
}
