package dev.reco.examples;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.eval.Evaluator;
import dev.reco.core.eval.Metric;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.registry.AliasEvent;
import dev.reco.core.registry.ModelRegistry;
import dev.reco.core.registry.ModelVersion;
import dev.reco.core.registry.VersionMetadata;
import dev.reco.core.serving.LiveModel;
import dev.reco.core.split.Split;
import dev.reco.core.split.Splitter;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.core.tracking.ExperimentTracker;
import dev.reco.core.tracking.Run;
import dev.reco.core.tracking.RunStatus;
import dev.reco.models.als.AlsConfig;
import dev.reco.models.als.AlsTrainer;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.MatrixFactorizationFormat;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model lifecycle on generated data: train two implicit ALS versions, each as a tracked
 * experiment run (parameters, loss per iteration, NDCG@10, the artifact); register both in a
 * file-system registry with their metrics and run lineage; make the first the {@code champion}
 * and serve it through a {@link LiveModel}; promote the second; roll back; print the audit log.
 *
 * <p>Run with {@code ./mvnw -q -Pdemo package -DskipTests -Ddemo.mainClass=dev.reco.examples.RegistryExample}.
 * The registry and tracker are written under a new temporary directory, whose path is printed.
 */
public final class RegistryExample {
  private RegistryExample() {}

  /** The model name in the registry. */
  public static final String MODEL = "als";
  /** The alias that serves. */
  public static final String CHAMPION = "champion";

  /** The two trained configurations: 4 and then 8 factors. */
  static final List<AlsConfig> CONFIGS = List.of(
      Demo.ALS.withFactors(4).withIterations(8).withComputeLoss(true),
      Demo.ALS.withIterations(8).withComputeLoss(true));

  /**
   * What the example did, for callers (and tests) that want more than the printout.
   *
   * @param versions the two registered versions, in order
   * @param runs the runs that produced them, in the same order
   * @param served for each phase (first champion, after promotion, after rollback), the version
   *     the live model served
   * @param auditLog the champion's audit log at the end
   * @param lineage the run the final champion leads back to
   */
  public record Outcome(List<ModelVersion> versions, List<Run> runs, List<Integer> served,
      List<AliasEvent> auditLog, Run lineage) {}

  /**
   * Runs the example on a small generated data set under a new temporary directory.
   *
   * @param args ignored
   * @throws IOException if the temporary directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("reco-registry-example");
    SyntheticConfig data = SyntheticConfig.defaults().withUsers(2_000).withItems(500)
        .withEvents(40_000).withSeed(42);
    run(dir, data, Clock.systemUTC(), System.out);
  }

  /**
   * Runs every step and prints what happens.
   *
   * @param dir an empty or missing directory for the registry ({@code registry/}) and the
   *     tracker ({@code runs/})
   * @param config the synthetic data to generate
   * @param clock the time of runs, versions and alias events
   * @param out where to print
   * @return what was done
   */
  public static Outcome run(Path dir, SyntheticConfig config, InstantSource clock,
      PrintStream out) {
    out.println("reco model lifecycle: tracked runs, registry, live model, rollback");
    out.println("registry and runs under " + dir);
    out.println();

    Interactions data = SyntheticData.generate(config).toInteractions(DuplicatePolicy.SUM);
    Split split = Splitter.globalTimeFraction(0.2).split(data);
    ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"), clock);
    ExperimentTracker tracker = ExperimentTracker.open(dir.resolve("runs"), clock);
    Evaluator evaluator = Evaluator.builder().metrics(Metric.ndcg(10)).beyondAccuracy(false)
        .threads(1).build();

    // 1. Two training runs, each tracked and registered with its lineage.
    List<ModelVersion> versions = new ArrayList<>();
    List<Run> runs = new ArrayList<>();
    for (AlsConfig als : CONFIGS) {
      Map<String, String> params = new TreeMap<>();
      params.put("factors", Integer.toString(als.factors()));
      params.put("iterations", Integer.toString(als.iterations()));
      params.put("regularization", Double.toString(als.regularization()));
      params.put("alpha", Double.toString(als.alpha()));
      params.put("seed", Long.toString(als.seed()));
      Run run = tracker.startRun("als-implicit", params, Map.of("data", "synthetic"));
      MatrixFactorizationModel model;
      try {
        model = new AlsTrainer(als, clock).fit(split.train(), FitOptions.defaults()
            .withThreads(1)
            .withListener(r -> tracker.logMetric(run.id(), "loss", r.iteration(), r.loss())));
      } catch (RuntimeException e) {
        tracker.endRun(run.id(), RunStatus.FAILED);
        throw e;
      }
      double ndcg = evaluator.evaluate("als", model, split).value(Metric.ndcg(10));
      tracker.logMetric(run.id(), "ndcg_at_10", als.iterations(), ndcg);
      byte[] artifact = MatrixFactorizationFormat.toBytes(model);
      tracker.logArtifact(run.id(), "model.reco", artifact);
      runs.add(tracker.endRun(run.id(), RunStatus.FINISHED));
      ModelVersion v = registry.register(MODEL, artifact, VersionMetadata.builder()
          .params(params)
          .metric("ndcg_at_10", ndcg)
          .provenance(model.provenance())
          .sourceRunId(run.id())
          .build());
      versions.add(v);
      out.printf(Locale.ROOT, "trained version %d: %d factors, NDCG@10 %.4f, %,d bytes, run %s%n",
          v.version(), als.factors(), ndcg, v.size(), run.id());
    }
    out.println();

    // 2. The first version becomes champion and serves through a live model.
    int first = versions.get(0).version();
    int second = versions.get(1).version();
    registry.setAlias(MODEL, CHAMPION, first, "deploy-job", "first release");
    String user = data.users().idOf(split.testUsers()[0]);
    List<Integer> served = new ArrayList<>();
    try (LiveModel<MatrixFactorizationModel> live = LiveModel.<MatrixFactorizationModel>builder(
            registry, MODEL, CHAMPION, (version, bytes) -> MatrixFactorizationFormat.fromBytes(bytes))
        .executor(Runnable::run) // loads on the calling thread: the example stays sequential
        .healthCheck((m, version) -> {
          if (m.recommend(user, 10, RecommendOptions.defaults()).size() != 10) {
            throw new IllegalStateException("version " + version.version()
                + " does not fill 10 recommendations");
          }
        })
        .listener(new LiveModel.Listener() {
          @Override
          public void swapped(ModelVersion from, ModelVersion to) {
            out.println("live model: now serving version " + to.version()
                + (from == null ? "" : " (was " + from.version() + ")"));
          }
        })
        .build()) {
      served.add(serve(live, user, out));

      // 3. Promote the second version; the live model swaps it in.
      registry.setAlias(MODEL, CHAMPION, second, "alice", "more factors, NDCG@10 "
          + String.format(Locale.ROOT, "%.4f", versions.get(1).metadata().metrics()
              .get("ndcg_at_10")));
      live.refresh().join();
      served.add(serve(live, user, out));

      // 4. Something looks wrong online: roll back to the previous champion.
      registry.rollback(MODEL, CHAMPION, "oncall", "CTR dropped after the promotion");
      live.refresh().join();
      served.add(serve(live, user, out));
    }
    out.println();

    // 5. The audit log and the lineage of the serving version.
    List<AliasEvent> audit = registry.auditLog(MODEL);
    out.println("audit log of '" + MODEL + "':");
    for (AliasEvent e : audit) {
      out.printf(Locale.ROOT, "  #%d %s %-9s %-8s %4s -> %-4s by %-10s %s%n", e.sequence(),
          e.time().truncatedTo(ChronoUnit.SECONDS), e.alias(), e.action(), e.from() == null ? "-" : e.from(),
          e.to() == null ? "-" : e.to(), e.actor(), e.reason());
    }
    ModelVersion champion = registry.versionByAlias(MODEL, CHAMPION).orElseThrow();
    Run lineage = tracker.sourceRun(champion).orElseThrow();
    out.printf(Locale.ROOT, "%nchampion is version %d, trained by run %s (%s, params %s)%n",
        champion.version(), lineage.id(), lineage.status(), lineage.params());
    return new Outcome(List.copyOf(versions), List.copyOf(runs), List.copyOf(served),
        audit, lineage);
  }

  private static int serve(LiveModel<MatrixFactorizationModel> live, String user,
      PrintStream out) {
    try (LiveModel.Lease<MatrixFactorizationModel> lease = live.acquire()) {
      List<String> top = lease.get().recommend(user, 3, RecommendOptions.defaults()).itemIds();
      out.println("  version " + lease.version().version() + " recommends " + top + " to "
          + user);
      return lease.version().version();
    }
  }
}
