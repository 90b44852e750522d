package dev.reco.core.tracking;

import dev.reco.core.RecoException;

/**
 * Thrown when an operation that needs a run (logging to it, reading its metrics or artifacts)
 * names a run that does not exist in the tracker, or an artifact the run does not have. Lookups
 * that return {@link java.util.Optional} report absence with an empty result instead. The message
 * names what was looked up.
 */
public final class RunNotFoundException extends RecoException {
  private static final long serialVersionUID = 1L;

  RunNotFoundException(String message) {
    super(message);
  }
}
