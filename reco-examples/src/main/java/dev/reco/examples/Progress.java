package dev.reco.examples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar: {@code [2/5] Loading  ████████░░░░  64%  0.4 s}. Redraws in place with a
 * carriage return; not thread-safe (one step at a time).
 */
final class Progress {
  private static final int WIDTH = 28;

  private final PrintStream out;
  private final int steps;
  private final boolean interactive;
  private int step;
  private String label = "";
  private long started;
  private int lastPercent = -1;

  Progress(PrintStream out, int steps) {
    this(out, steps, out == System.out && System.console() != null);
  }

  /**
   * Creates a bar; an interactive one redraws in place, otherwise (logs, CI) each step prints one
   * line when it is done.
   */
  Progress(PrintStream out, int steps, boolean interactive) {
    this.out = out;
    this.steps = steps;
    this.interactive = interactive;
  }

  /** Starts the next step. */
  void start(String label) {
    this.step++;
    this.label = label;
    this.started = System.nanoTime();
    this.lastPercent = -1;
    update(0.0);
  }

  /** Redraws the bar at a fraction in [0, 1] (cheap when the percentage did not change). */
  void update(double fraction) {
    int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
    if (percent == lastPercent || (!interactive && percent < 100)) {
      return;
    }
    lastPercent = percent;
    int filled = percent * WIDTH / 100;
    out.printf(Locale.ROOT, "%s[%d/%d] %-44s %s%s %3d%%  %.1f s", interactive ? "\r" : "", step, steps, label,
        "█".repeat(filled), "░".repeat(WIDTH - filled), percent, seconds());
    out.flush();
  }

  /** Finishes the step at 100% and ends the line. */
  void done() {
    update(1.0);
    out.println();
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
