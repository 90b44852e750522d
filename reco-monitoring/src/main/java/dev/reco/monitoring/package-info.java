/**
 * Model monitoring: drift tests, mergeable streaming profiles, drift reports, live
 * latency / error / CTR monitors and automatic rollback through the model registry.
 */
package dev.reco.monitoring;
