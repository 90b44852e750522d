package dev.reco.examples;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.eval.MeanAccumulator;
import dev.reco.core.eval.RatingMetrics;
import dev.reco.core.io.DelimitedLoader;
import dev.reco.core.io.LoadOptions;
import dev.reco.core.io.MovieLens;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.split.KFold;
import dev.reco.core.split.Split;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.MatrixFactorizationModel;
import dev.reco.models.svd.BiasedSvdConfig;
import dev.reco.models.svd.BiasedSvdTrainer;
import dev.reco.models.svd.PlantedRatings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Star ratings with BiasedSVD: five-fold cross-validated RMSE of the global mean, of Surprise's
 * defaults ({@link BiasedSvdConfig#defaults()}) and of the recommended settings
 * ({@link BiasedSvdConfig#recommended()}), then a model on all ratings, a predicted rating and a
 * top-5 list. Without an argument it runs on ratings shaped like MovieLens 100K
 * ({@link PlantedRatings#movieLens100k()}); with the path of a MovieLens {@code u.data} file it
 * runs on that file.
 *
 * <p>Run with {@code ./mvnw -q -Pdemo package -DskipTests
 * -Ddemo.mainClass=dev.reco.examples.RatingsExample [-Ddemo.args=path/to/u.data]}.
 */
public final class RatingsExample {
  private RatingsExample() {}

  /**
   * Mean RMSE over the folds.
   *
   * @param globalMean predicting the training mean for every rating
   * @param defaults BiasedSVD with {@link BiasedSvdConfig#defaults()}
   * @param recommended BiasedSVD with {@link BiasedSvdConfig#recommended()}
   */
  public record Outcome(double globalMean, double defaults, double recommended) {}

  /**
   * Runs the example.
   *
   * @param args none, or the path of a MovieLens {@code u.data} file
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Interactions ratings;
    String source;
    if (args.length > 0 && !args[0].isBlank()) {
      Path file = Path.of(args[0]);
      ratings = DelimitedLoader.load(file, MovieLens.uData(),
          LoadOptions.strict(DuplicatePolicy.LAST)).interactions();
      source = file.toString();
    } else {
      ratings = PlantedRatings.movieLens100k().generate();
      source = "PlantedRatings.movieLens100k() (943 users x 1,682 items, MovieLens 100K shape)";
    }
    run(ratings, source, 5, 2, System.out);
  }

  /**
   * Cross-validates the three predictors, fits the recommended model on all ratings and prints
   * everything.
   *
   * @param ratings explicit ratings
   * @param source what the ratings are, for the printout
   * @param folds number of folds, {@code >= 2}
   * @param threads training threads (the models do not depend on it)
   * @param out where to print
   * @return the mean RMSE of each predictor
   */
  public static Outcome run(Interactions ratings, String source, int folds, int threads,
      PrintStream out) {
    out.println("reco ratings: BiasedSVD, " + folds + "-fold cross-validation");
    out.printf(Locale.ROOT, "%s: %,d ratings%n%n", source, ratings.size());
    List<Split> splits = KFold.of(folds, 42).folds(ratings);
    BiasedSvdConfig[] configs = {BiasedSvdConfig.defaults(), BiasedSvdConfig.recommended()};
    double[][] rmse = new double[3][folds];
    double[] seconds = new double[3];
    FitOptions options = FitOptions.defaults().withThreads(threads);
    for (int f = 0; f < folds; f++) {
      Split split = splits.get(f);
      float mean = (float) meanOf(split.train());
      rmse[0][f] = rmse(split.test(), (u, i) -> mean);
      for (int c = 0; c < configs.length; c++) {
        long t0 = System.nanoTime();
        MatrixFactorizationModel model = new BiasedSvdTrainer(configs[c])
            .fit(split.train(), options);
        seconds[c + 1] += (System.nanoTime() - t0) / 1e9 / folds;
        rmse[c + 1][f] = rmse(split.test(), model::predict);
      }
    }
    String[] names = {"global mean", "BiasedSVD defaults() (Surprise's)",
        "BiasedSVD recommended()"};
    out.printf(Locale.ROOT, "%-36s %12s %8s %15s%n", "predictor", "RMSE (mean)", "sd",
        "train per fold");
    double[] means = new double[3];
    for (int p = 0; p < 3; p++) {
      means[p] = MeanAccumulator.mean(rmse[p]);
      out.printf(Locale.ROOT, "%-36s %12.4f %8.4f %15s%n", names[p], means[p],
          sd(rmse[p], means[p]), p == 0 ? "-" : String.format(Locale.ROOT, "%.2f s", seconds[p]));
    }

    MatrixFactorizationModel model = new BiasedSvdTrainer(BiasedSvdConfig.recommended())
        .fit(ratings, options);
    String user = ratings.users().idOf(ratings.user(0));
    String item = ratings.items().idOf(ratings.item(0));
    out.printf(Locale.ROOT, "%nTrained on all ratings. User %s rated item %s %.1f; the model "
        + "predicts %.2f.%n", user, item, ratings.value(0), model.predict(user, item));
    Recommendations top = model.recommend(user, 5);
    out.print("Top 5 unseen items for user " + user + ", with predicted ratings:");
    for (int r = 0; r < top.size(); r++) {
      out.printf(Locale.ROOT, " %s (%.2f)", top.itemId(r), model.predict(user, top.itemId(r)));
    }
    out.println();
    return new Outcome(means[0], means[1], means[2]);
  }

  /** A prediction for a (user, item) pair by dense indexes. */
  @FunctionalInterface
  private interface PairPredictor {
    float predict(int user, int item);
  }

  /** RMSE of the predictions over the test ratings, by {@link RatingMetrics#rmse}. */
  private static double rmse(Interactions test, PairPredictor predictor) {
    float[] actual = new float[test.size()];
    float[] predicted = new float[test.size()];
    for (int r = 0; r < test.size(); r++) {
      actual[r] = test.value(r);
      predicted[r] = predictor.predict(test.user(r), test.item(r));
    }
    return RatingMetrics.rmse(actual, predicted);
  }

  private static double meanOf(Interactions data) {
    double sum = 0;
    for (int r = 0; r < data.size(); r++) {
      sum += data.value(r);
    }
    return sum / data.size();
  }

  private static double sd(double[] values, double mean) {
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }
}
