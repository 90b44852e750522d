/**
 * Alternating least squares for implicit feedback (Hu, Koren &amp; Volinsky 2008) and explicit
 * ratings (ALS-WR), with conjugate-gradient (Takács, Pilászy &amp; Tikk 2011) and Cholesky
 * solvers: {@link dev.reco.models.als.AlsConfig} says what to learn,
 * {@link dev.reco.models.als.AlsTrainer} fits an immutable
 * {@link dev.reco.models.mf.MatrixFactorizationModel}, and {@link dev.reco.models.als.AlsFoldIn}
 * computes vectors for users the model has not seen.
 *
 * <pre>{@code
 * MatrixFactorizationModel model = new AlsTrainer(AlsConfig.implicitDefaults().withSeed(7))
 *     .fit(train, FitOptions.defaults().withThreads(2));
 * Recommendations top = model.recommend("user-42", 10);
 * }</pre>
 *
 * <p>The objective, the confidence conventions, the validation loss used for early stopping and
 * the cost of each setting are documented on {@link dev.reco.models.als.AlsConfig} and
 * {@link dev.reco.models.als.AlsTrainer}; {@code docs/als.md} gives recommended settings.
 */
package dev.reco.models.als;
