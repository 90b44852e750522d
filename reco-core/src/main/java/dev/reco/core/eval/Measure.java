package dev.reco.core.eval;

/**
 * The closed set of quantities this package computes, each with a stable label used in tables
 * and JSON ({@code "NDCG"}, {@code "Precision"}, {@code "RMSE"}...). A {@link Metric} pairs a
 * measure with its cutoff K where the measure has one.
 *
 * <p>The exact definitions are in {@code docs/metrics.md} and in the Javadoc of the method that
 * computes each measure.
 */
public enum Measure {
  /** Root mean squared error of rating predictions ({@link RatingMetrics#rmse}). */
  RMSE("RMSE", Family.RATING, false, false),
  /** Mean absolute error of rating predictions ({@link RatingMetrics#mae}). */
  MAE("MAE", Family.RATING, false, false),

  /** Hits in the top K divided by K ({@link RankingMetrics#precision}). */
  PRECISION("Precision", Family.RANKING, true, true),
  /** Hits in the top K divided by the number of relevant items ({@link RankingMetrics#recall}). */
  RECALL("Recall", Family.RANKING, true, true),
  /** NDCG with linear gain (binary gain 1 without grades) ({@link RankingMetrics#ndcg}). */
  NDCG("NDCG", Family.RANKING, true, true),
  /** NDCG with exponential gain {@code 2^grade - 1} ({@link Gain#EXPONENTIAL}). */
  NDCG_EXP("NDCG-exp", Family.RANKING, true, true),
  /** Mean of average precision at K, normalised by {@code min(K, |relevant|)}. */
  MAP("MAP", Family.RANKING, true, true),
  /** Mean reciprocal rank of the first hit within the top K ({@link RankingMetrics#reciprocalRank}). */
  MRR("MRR", Family.RANKING, true, true),
  /** Share of users with at least one hit in the top K ({@link RankingMetrics#hit}). */
  HIT_RATE("HitRate", Family.RANKING, true, true),

  /** Distinct recommended items divided by catalog size ({@link RecommendationCounts#coverage}). */
  COVERAGE("Coverage", Family.BEYOND_ACCURACY, true, true),
  /** Mean self-information of recommended items ({@link BeyondAccuracyMetrics#novelty}). */
  NOVELTY("Novelty", Family.BEYOND_ACCURACY, true, true),
  /** Mean pairwise cosine distance within a list ({@link BeyondAccuracyMetrics#intraListCosineDistance}). */
  ILD_COSINE("ILD-cosine", Family.BEYOND_ACCURACY, true, true),
  /** Share of list pairs in different categories ({@link BeyondAccuracyMetrics#intraListCategoryDiversity}). */
  ILD_CATEGORY("ILD-category", Family.BEYOND_ACCURACY, true, true),
  /** Average recommendation popularity ({@link BeyondAccuracyMetrics#averagePopularity}). */
  ARP("ARP", Family.BEYOND_ACCURACY, true, false),
  /** Gini index of recommendation counts over the catalog ({@link RecommendationCounts#gini}). */
  GINI("Gini", Family.BEYOND_ACCURACY, true, false),

  /** Share of correct labels ({@link ClassificationMetrics#accuracy}). */
  ACCURACY("Accuracy", Family.CLASSIFICATION, false, true),
  /** Precision of the positive class 1 ({@link Average#BINARY}). */
  PRECISION_BINARY("Precision-binary", Family.CLASSIFICATION, false, true),
  /** Unweighted mean of per-class precision ({@link Average#MACRO}). */
  PRECISION_MACRO("Precision-macro", Family.CLASSIFICATION, false, true),
  /** Support-weighted mean of per-class precision ({@link Average#WEIGHTED}). */
  PRECISION_WEIGHTED("Precision-weighted", Family.CLASSIFICATION, false, true),
  /** Recall of the positive class 1. */
  RECALL_BINARY("Recall-binary", Family.CLASSIFICATION, false, true),
  /** Unweighted mean of per-class recall. */
  RECALL_MACRO("Recall-macro", Family.CLASSIFICATION, false, true),
  /** Support-weighted mean of per-class recall. */
  RECALL_WEIGHTED("Recall-weighted", Family.CLASSIFICATION, false, true),
  /** F1 of the positive class 1. */
  F1_BINARY("F1-binary", Family.CLASSIFICATION, false, true),
  /** Unweighted mean of per-class F1. */
  F1_MACRO("F1-macro", Family.CLASSIFICATION, false, true),
  /** Support-weighted mean of per-class F1. */
  F1_WEIGHTED("F1-weighted", Family.CLASSIFICATION, false, true),
  /** Mean negative log-likelihood with clipped probabilities ({@link ClassificationMetrics#logLoss}). */
  LOG_LOSS("LogLoss", Family.CLASSIFICATION, false, false),
  /** Binary ROC-AUC with tied scores counted as one half ({@link ClassificationMetrics#rocAuc}). */
  ROC_AUC("ROC-AUC", Family.CLASSIFICATION, false, true),
  /** One-vs-rest multi-class ROC-AUC, unweighted mean over classes. */
  ROC_AUC_OVR_MACRO("ROC-AUC-ovr-macro", Family.CLASSIFICATION, false, true),
  /** One-vs-rest multi-class ROC-AUC, prevalence-weighted mean over classes. */
  ROC_AUC_OVR_WEIGHTED("ROC-AUC-ovr-weighted", Family.CLASSIFICATION, false, true);

  /** What kind of input a measure is computed from. */
  public enum Family {
    /** Predicted versus actual ratings. */
    RATING,
    /** A ranked list against a set of relevant items, per user. */
    RANKING,
    /** Recommended lists against catalog-wide item data (popularity, vectors, categories). */
    BEYOND_ACCURACY,
    /** Predicted labels or scores against actual labels. */
    CLASSIFICATION
  }

  private final String label;
  private final Family family;
  private final boolean hasCutoff;
  private final boolean higherIsBetter;

  Measure(String label, Family family, boolean hasCutoff, boolean higherIsBetter) {
    this.label = label;
    this.family = family;
    this.hasCutoff = hasCutoff;
    this.higherIsBetter = higherIsBetter;
  }

  /** Returns the stable label, e.g. {@code "NDCG"}; a {@link Metric} appends {@code "@K"}. */
  public String label() {
    return label;
  }

  /** Returns the family of inputs the measure is computed from. */
  public Family family() {
    return family;
  }

  /** Returns whether the measure is computed at a cutoff K (every ranking and beyond-accuracy measure). */
  public boolean hasCutoff() {
    return hasCutoff;
  }

  /**
   * Returns whether a larger value is the better one. For {@link #ARP} and {@link #GINI} "better"
   * means "less popularity bias", a convention rather than a fact about accuracy.
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * Returns the measure with the given label, ignoring case.
   *
   * @param label a label as returned by {@link #label()}
   * @return the measure
   * @throws IllegalArgumentException if no measure has that label
   */
  public static Measure fromLabel(String label) {
    for (Measure m : values()) {
      if (m.label.equalsIgnoreCase(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "measure label '" + label + "' is unknown; expected one of " + labels());
  }

  private static String labels() {
    StringBuilder sb = new StringBuilder();
    for (Measure m : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(m.label);
    }
    return sb.toString();
  }
}
