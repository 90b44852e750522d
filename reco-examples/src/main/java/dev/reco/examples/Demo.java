package dev.reco.examples;

/** The end-to-end demo on generated data. */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("reco demo");
  }
}
