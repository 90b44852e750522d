/** Runnable examples; {@link dev.reco.examples.Demo} is the end-to-end demo the README runs. */
package dev.reco.examples;
