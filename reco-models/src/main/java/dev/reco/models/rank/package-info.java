/**
 * Second-stage ranking: the {@link dev.reco.models.rank.Ranker} interface that scores a batch of
 * candidate feature rows declared by a {@link dev.reco.models.rank.FeatureSchema}, and its
 * backends, always chosen by the caller, never by probing the classpath:
 *
 * <ul>
 *   <li>native, pure Java: {@link dev.reco.models.rank.TreeEnsemble} (gradient-boosted trees on
 *       flat primitive arrays), {@link dev.reco.models.rank.LinearRanker} (linear and logistic
 *       models) and {@link dev.reco.models.rank.DotProductRanker} (a matrix-factorization scorer);
 *   <li>importers into the native trees: {@link dev.reco.models.rank.XgboostJson} (XGBoost JSON
 *       models) and {@link dev.reco.models.rank.LightGbmText} (LightGBM text models);
 *   <li>ONNX: {@link dev.reco.models.rank.OnnxRanker} serves any ONNX model through ONNX Runtime
 *       (an optional dependency), and {@link dev.reco.models.rank.OnnxExport} writes the native
 *       rankers as ONNX models with the metadata keys of {@link dev.reco.models.rank.OnnxMetadata}.
 * </ul>
 *
 * Training lives in {@link dev.reco.models.rank.train}. See {@code docs/rankers.md}.
 */
package dev.reco.models.rank;
