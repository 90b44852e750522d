/**
 * Fitted transforms and pipelines: {@link dev.reco.features.transform.FeatureStep}s learn their
 * parameters from training data into immutable {@link dev.reco.features.transform.FittedStep}s
 * that transform a whole table or one serving row identically, and are saved as versioned JSON.
 */
package dev.reco.features.transform;
