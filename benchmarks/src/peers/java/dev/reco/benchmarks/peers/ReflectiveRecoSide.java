package dev.reco.benchmarks.peers;

import dev.reco.core.Interactions;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.IterationReport;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@link RecoSide} that reaches reco's trainers by name, so the peer comparison compiles and runs
 * its peers in builds that do not have them yet.
 *
 * <p>The trainers are used through their documented shape: {@code new XxxTrainer(XxxConfig)} and
 * {@code MatrixFactorizationModel fit(Interactions, FitOptions)}. A config starts from a static
 * factory ({@code implicitDefaults()}/{@code explicitDefaults()} or {@code defaults()} for ALS, the
 * named preset for BiasedSVD) and each setting is applied through the first {@code withXxx} copy
 * method that exists among a short list of names; enum-valued settings pick the constant whose
 * name contains one of the given words. A required setting (factors, iterations, regularisation,
 * alpha for implicit ALS) that no method accepts stops the run with the list of the config's
 * {@code with} methods; an optional one (conventions, seed) is reported in
 * {@link RecoSide.Trained#notes()}. The config's {@code toString()} is printed with the results,
 * so a run always shows what reco actually fitted.
 */
public final class ReflectiveRecoSide implements RecoSide {
  static final String ALS_CONFIG = "dev.reco.models.als.AlsConfig";
  static final String ALS_TRAINER = "dev.reco.models.als.AlsTrainer";
  static final String SVD_CONFIG = "dev.reco.models.svd.BiasedSvdConfig";
  static final String SVD_TRAINER = "dev.reco.models.svd.BiasedSvdTrainer";

  private final ClassLoader loader;

  /** Uses the class loader that loaded this class. */
  public ReflectiveRecoSide() {
    this.loader = ReflectiveRecoSide.class.getClassLoader();
  }

  @Override
  public boolean hasAls() {
    return find(ALS_CONFIG) != null && find(ALS_TRAINER) != null;
  }

  @Override
  public boolean hasBiasedSvd() {
    return find(SVD_CONFIG) != null && find(SVD_TRAINER) != null;
  }

  @Override
  public Trained fitAls(Interactions train, AlsSettings settings, int threads) {
    Class<?> configType = require(ALS_CONFIG);
    Class<?> trainerType = require(ALS_TRAINER);
    List<String> notes = new ArrayList<>();
    String[] modeFactories = settings.implicit()
        ? new String[] {"implicitDefaults", "implicit"}
        : new String[] {"explicitDefaults", "explicit"};
    boolean modeFactory = hasFactory(configType, modeFactories);
    Object config = factory(configType, modeFactory ? modeFactories : new String[] {"defaults"});
    if (!modeFactory) {
      config = apply(config, true, notes, "implicit feedback = " + settings.implicit(),
          new Setting(settings.implicit(), "withImplicit", "withImplicitFeedback",
              "withImplicitPrefs"),
          new Setting(new String[] {settings.implicit() ? "IMPLICIT" : "EXPLICIT"},
              "withFeedback", "withMode", "withKind", "withLoss"));
    }
    config = apply(config, true, notes, "factors = " + settings.factors(),
        new Setting(settings.factors(), "withFactors", "withRank", "withDimensions"));
    config = apply(config, true, notes, "iterations = " + settings.iterations(),
        new Setting(settings.iterations(), "withIterations", "withMaxIterations", "withSweeps",
            "withEpochs"));
    config = apply(config, true, notes, "regularization = " + settings.regularization(),
        new Setting(settings.regularization(), "withRegularization", "withLambda",
            "withRegParam"));
    if (settings.implicit()) {
      config = apply(config, true, notes, "alpha = " + settings.alpha(),
          new Setting(settings.alpha(), "withAlpha"));
      config = apply(config, false, notes, "confidence = 1 + alpha * r",
          new Setting(new String[] {"ONE_PLUS", "PLUS_ONE", "PAPER", "SPARK", "AFFINE"},
              "withConfidence", "withConfidenceConvention", "withConfidenceMode"));
    }
    config = apply(config, false, notes, "weighted lambda",
        new Setting(true, "withWeightedRegularization", "withWeightedLambda"),
        new Setting(new String[] {"WEIGHTED", "COUNT", "ALS_WR"}, "withRegularizationScaling",
            "withRegularizationMode", "withLambdaScaling", "withRegularizationType"));
    config = apply(config, false, notes, "seed = " + settings.seed(),
        new Setting(settings.seed(), "withSeed"));
    return fit(trainerType, configType, config, train, threads, notes);
  }

  @Override
  public Trained fitBiasedSvd(Interactions train, String preset, long seed, int threads) {
    Class<?> configType = require(SVD_CONFIG);
    Class<?> trainerType = require(SVD_TRAINER);
    List<String> notes = new ArrayList<>();
    Object config = factory(configType, new String[] {preset});
    config = apply(config, false, notes, "seed = " + seed, new Setting(seed, "withSeed"));
    return fit(trainerType, configType, config, train, threads, notes);
  }

  private static Trained fit(Class<?> trainerType, Class<?> configType, Object config,
      Interactions train, int threads, List<String> notes) {
    Object trainer;
    try {
      trainer = trainerType.getConstructor(configType).newInstance(config);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(trainerType.getName() + " has no public constructor ("
          + configType.getSimpleName() + "); expected new Trainer(Config) as in issue 6", e);
    } catch (InvocationTargetException e) {
      throw unwrap(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + trainerType.getName(), e);
    }
    Method fit;
    try {
      fit = trainerType.getMethod("fit", Interactions.class, FitOptions.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(trainerType.getName()
          + " has no fit(Interactions, FitOptions); expected the trainer API of issue 6", e);
    }
    List<Duration> elapsed = new ArrayList<>();
    FitOptions options = FitOptions.defaults().withThreads(threads)
        .withListener((IterationReport r) -> elapsed.add(r.elapsed()));
    long t0 = System.nanoTime();
    Object model;
    try {
      model = fit.invoke(trainer, train, options);
    } catch (InvocationTargetException e) {
      throw unwrap(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + fit, e);
    }
    Duration total = Duration.ofNanos(System.nanoTime() - t0);
    Duration[] perIteration = new Duration[elapsed.size()];
    for (int k = 0; k < perIteration.length; k++) {
      perIteration[k] = k == 0 ? elapsed.get(0) : elapsed.get(k).minus(elapsed.get(k - 1));
    }
    return new Trained((MatrixFactorizationModel) model, total, perIteration, config.toString(),
        notes);
  }

  /** One way of expressing a setting: a value and the copy methods that may take it. */
  private record Setting(Object value, String... methods) {}

  /**
   * Applies the first setting whose method exists; records a note, or fails when required, when
   * none does.
   */
  private static Object apply(Object config, boolean required, List<String> notes, String what,
      Setting... ways) {
    for (Setting way : ways) {
      for (String name : way.methods()) {
        for (Method m : config.getClass().getMethods()) {
          if (!m.getName().equals(name) || m.getParameterCount() != 1
              || Modifier.isStatic(m.getModifiers())
              || !m.getReturnType().isAssignableFrom(config.getClass())) {
            continue;
          }
          Object argument = convert(way.value(), m.getParameterTypes()[0]);
          if (argument == null) {
            continue;
          }
          try {
            return m.invoke(config, argument);
          } catch (InvocationTargetException e) {
            throw unwrap(e);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
          }
        }
      }
    }
    if (required) {
      throw new IllegalStateException(config.getClass().getName() + " takes no '" + what
          + "' through any of " + names(ways) + "; its copy methods are " + withMethods(config)
          + ". Expected one of these names (see ReflectiveRecoSide)");
    }
    notes.add(what + ": not set (no " + names(ways) + " on " + config.getClass().getSimpleName()
        + ")");
    return config;
  }

  /** Converts a setting's value to a parameter type, or null when it cannot. */
  private static Object convert(Object value, Class<?> type) {
    if (value instanceof Number n) {
      if (type == int.class || type == Integer.class) {
        return n.intValue() == n.doubleValue() ? n.intValue() : null;
      }
      if (type == long.class || type == Long.class) {
        return n.longValue();
      }
      if (type == double.class || type == Double.class) {
        return n.doubleValue();
      }
      if (type == float.class || type == Float.class) {
        return n.floatValue();
      }
      return null;
    }
    if (value instanceof Boolean b) {
      return type == boolean.class || type == Boolean.class ? b : null;
    }
    if (value instanceof String[] words && type.isEnum()) {
      for (String word : words) {
        for (Object constant : type.getEnumConstants()) {
          if (((Enum<?>) constant).name().toUpperCase(Locale.ROOT).contains(word)) {
            return constant;
          }
        }
      }
    }
    return null;
  }

  private static Object factory(Class<?> type, String[] names) {
    for (String name : names) {
      try {
        Method m = type.getMethod(name);
        if (Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
          return m.invoke(null);
        }
      } catch (NoSuchMethodException e) {
        // try the next name
      } catch (InvocationTargetException e) {
        throw unwrap(e);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + type.getName() + "." + name + "()", e);
      }
    }
    TreeSet<String> factories = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
          && type.isAssignableFrom(m.getReturnType())) {
        factories.add(m.getName() + "()");
      }
    }
    throw new IllegalStateException(type.getName() + " has none of the static factories "
        + String.join(", ", names) + "; it has " + factories);
  }

  private static boolean hasFactory(Class<?> type, String[] names) {
    for (String name : names) {
      try {
        Method m = type.getMethod(name);
        if (Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
          return true;
        }
      } catch (NoSuchMethodException e) {
        // try the next name
      }
    }
    return false;
  }

  private Class<?> find(String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private Class<?> require(String name) {
    Class<?> type = find(name);
    if (type == null) {
      throw new UnsupportedOperationException(name + " is not on the classpath; expected a "
          + "reco-models build with it (issue 6), or run the comparison with --reco off");
    }
    return type;
  }

  private static String names(Setting[] ways) {
    List<String> all = new ArrayList<>();
    for (Setting way : ways) {
      all.addAll(List.of(way.methods()));
    }
    return all.toString();
  }

  private static String withMethods(Object config) {
    TreeSet<String> out = new TreeSet<>();
    for (Method m : config.getClass().getMethods()) {
      if (m.getName().startsWith("with") && m.getParameterCount() == 1) {
        out.add(m.getName() + "(" + m.getParameterTypes()[0].getSimpleName() + ")");
      }
    }
    return out.toString();
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
