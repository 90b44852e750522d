package dev.reco.benchmarks.peers;

import dev.reco.core.Interactions;
import dev.reco.models.als.AlsConfig;
import dev.reco.models.als.AlsTrainer;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.IterationReport;
import dev.reco.models.mf.MatrixFactorizationModel;
import dev.reco.models.svd.BiasedSvdConfig;
import dev.reco.models.svd.BiasedSvdTrainer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * reco's trainers as the peer comparison calls them.
 *
 * <p>ALS: {@link AlsSettings} (Spark's conventions) become an {@link AlsConfig} with confidence
 * {@code 1 + alpha * r} ({@link AlsConfig.Confidence#ONE_PLUS_LINEAR}) and weighted λ
 * ({@link AlsConfig.RegularizationMode#WEIGHTED}), so both libraries minimise the same
 * objective; the loss is not computed during timed fits (Spark computes none either).
 *
 * <p>BiasedSVD: the config comes from a named static factory of {@link BiasedSvdConfig} (the
 * preset, e.g. {@code defaults}), gets the run's seed, and then each command-line override
 * {@code name=value} through the config's {@code withName(value)} copy method. The config's
 * {@code toString()} is printed with the results, so a run always shows what reco fitted.
 */
public final class RecoTrainers implements RecoSide {
  private final AlsConfig.Solver implicitSolver;
  private final int cgSteps;

  /**
   * Creates the trainers.
   *
   * @param implicitSolver the solver of reco's implicit ALS (explicit ALS always uses Cholesky,
   *     as Spark does)
   * @param cgSteps conjugate-gradient steps per row and sweep, {@code >= 1}
   * @throws NullPointerException if {@code implicitSolver} is null
   * @throws IllegalArgumentException if {@code cgSteps < 1}
   */
  public RecoTrainers(AlsConfig.Solver implicitSolver, int cgSteps) {
    this.implicitSolver = Objects.requireNonNull(implicitSolver, "implicitSolver");
    if (cgSteps < 1) {
      throw new IllegalArgumentException("cgSteps = " + cgSteps + "; expected cgSteps >= 1");
    }
    this.cgSteps = cgSteps;
  }

  @Override
  public boolean hasAls() {
    return true;
  }

  @Override
  public boolean hasBiasedSvd() {
    return true;
  }

  /**
   * Returns the reco configuration that learns what {@code settings} describe.
   *
   * @param settings Spark-convention settings
   * @return the configuration (loss not computed)
   */
  AlsConfig alsConfig(AlsSettings settings) {
    AlsConfig base = settings.implicit()
        ? AlsConfig.implicitDefaults()
            .withConfidence(AlsConfig.Confidence.ONE_PLUS_LINEAR)
            .withAlpha(settings.alpha())
            .withSolver(implicitSolver)
            .withCgSteps(cgSteps)
        : AlsConfig.explicitDefaults().withSolver(AlsConfig.Solver.CHOLESKY);
    return base.withFactors(settings.factors())
        .withIterations(settings.iterations())
        .withRegularization(settings.regularization())
        .withRegularizationMode(AlsConfig.RegularizationMode.WEIGHTED)
        .withSeed(settings.seed())
        .withComputeLoss(false);
  }

  @Override
  public Trained fitAls(Interactions train, AlsSettings settings, int threads) {
    AlsConfig config = alsConfig(settings);
    AlsTrainer trainer = new AlsTrainer(config);
    List<Duration> elapsed = new ArrayList<>();
    FitOptions options = FitOptions.defaults().withThreads(threads)
        .withListener((IterationReport r) -> elapsed.add(r.elapsed()));
    long t0 = System.nanoTime();
    MatrixFactorizationModel model = trainer.fit(train, options);
    Duration total = Duration.ofNanos(System.nanoTime() - t0);
    return new Trained(model, total, perIteration(elapsed), config.toString(), List.of());
  }

  @Override
  public Trained fitBiasedSvd(Interactions train, String preset, Map<String, String> overrides,
      long seed, int threads) {
    Object config = factory(BiasedSvdConfig.class, preset);
    config = ((BiasedSvdConfig) config).withSeed(seed);
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      config = override(BiasedSvdConfig.class, config, e.getKey(), e.getValue());
    }
    BiasedSvdConfig svd = (BiasedSvdConfig) config;
    BiasedSvdTrainer trainer = new BiasedSvdTrainer(svd);
    List<Duration> elapsed = new ArrayList<>();
    FitOptions options = FitOptions.defaults().withThreads(threads)
        .withListener((IterationReport r) -> elapsed.add(r.elapsed()));
    long t0 = System.nanoTime();
    MatrixFactorizationModel model = trainer.fit(train, options);
    Duration total = Duration.ofNanos(System.nanoTime() - t0);
    return new Trained(model, total, perIteration(elapsed), svd.toString(), List.of());
  }

  /** Differences of the cumulative elapsed times the listener reported. */
  private static Duration[] perIteration(List<Duration> elapsed) {
    Duration[] out = new Duration[elapsed.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = k == 0 ? elapsed.get(0) : elapsed.get(k).minus(elapsed.get(k - 1));
    }
    return out;
  }

  private static Object factory(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      if (Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
        return invoke(m, null);
      }
    } catch (NoSuchMethodException e) {
      // reported below
    }
    TreeSet<String> factories = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
          && type.isAssignableFrom(m.getReturnType())) {
        factories.add(m.getName());
      }
    }
    throw new IllegalStateException("preset = " + name + "; expected one of the static factories "
        + "of " + type.getName() + ": " + factories);
  }

  /** Calls {@code withName(value)} on the config, parsing the value for the parameter type. */
  private static Object override(Class<?> type, Object config, String name, String value) {
    String method = "with" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    if (value.contains(":")) {
      // Several double arguments, e.g. learningRates=0.005:0.005:0.01:0.01.
      String[] parts = value.split(":");
      for (Method m : type.getMethods()) {
        if (m.getName().equals(method) && !Modifier.isStatic(m.getModifiers())
            && m.getParameterCount() == parts.length
            && java.util.Arrays.stream(m.getParameterTypes()).allMatch(t -> t == double.class)) {
          Object[] args = new Object[parts.length];
          for (int i = 0; i < parts.length; i++) {
            args[i] = Double.parseDouble(parts[i]);
          }
          return invoke(m, config, args);
        }
      }
      throw new IllegalStateException(name + " = " + value + "; expected " + type.getSimpleName()
          + "." + method + " with " + parts.length + " double parameters");
    }
    TreeSet<String> available = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1
          || !type.isAssignableFrom(m.getReturnType()) || !m.getName().startsWith("with")) {
        continue;
      }
      Class<?> p = m.getParameterTypes()[0];
      if (p != int.class && p != long.class && p != double.class && p != boolean.class) {
        continue;
      }
      available.add(Character.toLowerCase(m.getName().charAt(4)) + m.getName().substring(5)
          + "(" + p.getSimpleName() + ")");
      if (!m.getName().equals(method)) {
        continue;
      }
      Object argument;
      try {
        if (p == int.class) {
          argument = Integer.parseInt(value);
        } else if (p == long.class) {
          argument = Long.parseLong(value);
        } else if (p == double.class) {
          argument = Double.parseDouble(value);
        } else if (value.equals("true") || value.equals("false")) {
          argument = Boolean.parseBoolean(value);
        } else {
          throw new NumberFormatException("not a boolean");
        }
      } catch (NumberFormatException e) {
        throw new IllegalStateException(name + " = " + value + "; expected a "
            + p.getSimpleName() + " for " + type.getSimpleName() + "." + method, e);
      }
      return invoke(m, config, argument);
    }
    throw new IllegalStateException("BiasedSVD setting " + name + " = " + value + "; expected "
        + "one of the settings of " + type.getSimpleName() + ": " + available);
  }

  private static Object invoke(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw unwrap(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  private static RuntimeException unwrap(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }
}
