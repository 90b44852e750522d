package dev.reco.features.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A naive model of WindowFeatures: filters the raw events for every request. */
final class ReferenceFeatures {
  /** One raw event as added to the builder. */
  record Event(String entity, long time, String type, double value, String category) {}

  private ReferenceFeatures() {}

  static Map<String, Double> row(WindowFeatures spec, List<Event> events, String entity,
      long asOf) {
    List<Event> past = new ArrayList<>();
    for (Event e : events) {
      if (e.entity().equals(entity) && e.time() < asOf) {
        past.add(e);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Duration w : spec.windows()) {
      List<Event> in = window(past, asOf, w);
      String l = WindowFeatures.label(w);
      out.put("count_" + l, (double) in.size());
      out.put("frequency_" + l, in.size() / days(w));
      Set<String> cats = new HashSet<>();
      for (Event e : in) {
        if (e.category() != null) {
          cats.add(e.category());
        }
      }
      out.put("distinct_categories_" + l, (double) cats.size());
    }
    for (String type : spec.eventTypes()) {
      for (Duration w : spec.windows()) {
        List<Event> in = ofType(window(past, asOf, w), type);
        double sum = 0;
        int valued = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        for (Event e : in) {
          if (!Double.isNaN(e.value())) {
            sum += e.value();
            valued++;
            min = Double.isNaN(min) ? e.value() : Math.min(min, e.value());
            max = Double.isNaN(max) ? e.value() : Math.max(max, e.value());
          }
        }
        String l = WindowFeatures.label(w);
        for (WindowFeatures.Aggregation a : spec.aggregations()) {
          double v = switch (a) {
            case COUNT -> in.size();
            case SUM -> sum;
            case MEAN -> valued == 0 ? Double.NaN : sum / valued;
            case MIN -> min;
            case MAX -> max;
          };
          out.put(type + "_" + a.name().toLowerCase(Locale.ROOT) + "_" + l, v);
        }
      }
    }
    out.put("days_since_last", daysSinceLast(past, asOf));
    for (String type : spec.eventTypes()) {
      out.put(type + "_days_since_last", daysSinceLast(ofType(past, type), asOf));
    }
    if (spec.trendShort() != null) {
      String suffix = "trend_" + WindowFeatures.label(spec.trendShort()) + "_"
          + WindowFeatures.label(spec.trendLong());
      out.put(suffix, trend(spec, past, asOf));
      for (String type : spec.eventTypes()) {
        out.put(type + "_" + suffix, trend(spec, ofType(past, type), asOf));
      }
    }
    if (spec.rfmEventType() != null) {
      List<Event> purchases = ofType(past, spec.rfmEventType());
      out.put("rfm_recency_days", daysSinceLast(purchases, asOf));
      List<Event> in = window(purchases, asOf, spec.rfmWindow());
      double money = 0;
      for (Event e : in) {
        if (!Double.isNaN(e.value())) {
          money += e.value();
        }
      }
      out.put("rfm_frequency", (double) in.size());
      out.put("rfm_monetary", money);
    }
    for (String c : spec.shareCategories()) {
      for (Duration w : spec.windows()) {
        List<Event> in = window(past, asOf, w);
        int k = 0;
        for (Event e : in) {
          if (c.equals(e.category())) {
            k++;
          }
        }
        out.put("share_" + c + "_" + WindowFeatures.label(w),
            in.isEmpty() ? Double.NaN : (double) k / in.size());
      }
    }
    return out;
  }

  private static double trend(WindowFeatures spec, List<Event> past, long asOf) {
    int s = window(past, asOf, spec.trendShort()).size();
    int l = window(past, asOf, spec.trendLong()).size();
    return l == 0 ? Double.NaN : (s / days(spec.trendShort())) / (l / days(spec.trendLong()));
  }

  private static double daysSinceLast(List<Event> past, long asOf) {
    long last = Long.MIN_VALUE;
    boolean any = false;
    for (Event e : past) {
      last = any ? Math.max(last, e.time()) : e.time();
      any = true;
    }
    return any ? (asOf - last) / 86_400_000.0 : Double.NaN;
  }

  private static List<Event> window(List<Event> past, long asOf, Duration w) {
    List<Event> in = new ArrayList<>();
    for (Event e : past) {
      if (e.time() >= asOf - w.toMillis()) {
        in.add(e);
      }
    }
    return in;
  }

  private static List<Event> ofType(List<Event> events, String type) {
    List<Event> in = new ArrayList<>();
    for (Event e : events) {
      if (e.type().equals(type)) {
        in.add(e);
      }
    }
    return in;
  }

  private static double days(Duration w) {
    return w.toMillis() / 86_400_000.0;
  }
}
