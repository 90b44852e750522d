package dev.reco.core.tracking;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The child process of {@link TrackerCrashTest}: writes runs into a tracker directory until it is
 * killed, printing one line after each operation returns, so the parent knows what was
 * acknowledged: {@code run <id>}, {@code metric <id> <step>}, {@code artifact <id>},
 * {@code end <id>}.
 */
public final class TrackerChild {
  private TrackerChild() {}

  /** The artifact every run logs: 40 KB derived from the run id, so the parent can check it. */
  static byte[] content(String runId) {
    byte[] b = new byte[40_000];
    byte[] id = runId.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (id[i % id.length] * 31 + i);
    }
    return b;
  }

  /**
   * Writes runs forever.
   *
   * @param args the tracker directory
   */
  public static void main(String[] args) {
    ExperimentTracker t = ExperimentTracker.open(Path.of(args[0]), Clock.systemUTC());
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (int i = 0; ; i++) {
      Run run = t.startRun("crash", Map.of("i", Integer.toString(i)), Map.of());
      String id = run.id();
      out.println("run " + id);
      for (int step = 0; step < 5; step++) {
        t.logMetric(id, "loss", step, step * 0.5);
        out.println("metric " + id + " " + step);
      }
      t.logArtifact(id, "model.bin", content(id));
      out.println("artifact " + id);
      t.setTag(id, "note", "tagged " + i);
      t.endRun(id, RunStatus.FINISHED);
      out.println("end " + id);
    }
  }
}
