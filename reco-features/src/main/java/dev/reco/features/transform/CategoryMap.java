package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.IdIndex;
import dev.reco.features.table.CategoricalColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fitted vocabulary of a categorical step: the kept categories (slots {@code 0..kept-1}) and
 * the rare ones, seen at fit time but grouped into the {@code __other__} bucket. Immutable.
 *
 * <p>Rare grouping: a category seen fewer than {@code minFrequency} times is rare; of the rest,
 * only the {@code maxCategories} most frequent (ties by string) are kept when
 * {@code maxCategories > 0}. Categories present in a column's dictionary but on no row are not
 * seen.
 */
final class CategoryMap {
  /** Slot of a missing value. */
  static final int MISSING = -1;
  /** Slot of a rare category (the other bucket). */
  static final int OTHER = -2;
  /** Slot of a category not seen at fit time. */
  static final int UNSEEN = -3;
  /** Name of the bucket of rare (and, under {@link UnseenCategoryPolicy#OTHER}, unseen) values. */
  static final String OTHER_NAME = "__other__";

  private final IdIndex all; // kept first, then rare
  private final int kept;

  private CategoryMap(List<String> kept, List<String> rare) {
    List<String> ids = new ArrayList<>(kept);
    ids.addAll(rare);
    this.all = IdIndex.of(ids);
    this.kept = kept.size();
  }

  static CategoryMap of(List<String> kept, List<String> rare) {
    return new CategoryMap(kept, rare);
  }

  /** Counts the categories of a column, in dictionary order (0 for codes on no row). */
  static long[] counts(CategoricalColumn column) {
    long[] counts = new long[column.dictionary().size()];
    for (int r = 0; r < column.size(); r++) {
      int c = column.code(r);
      if (c >= 0) {
        counts[c]++;
      }
    }
    return counts;
  }

  /** Fits a map on a column's categories. */
  static CategoryMap fit(CategoricalColumn column, CategoryOrder order, int minFrequency,
      int maxCategories) {
    return fit(column.dictionary().ids(), counts(column), order, minFrequency, maxCategories);
  }

  /** Fits a map on categories and their counts (count 0 = not seen). */
  static CategoryMap fit(List<String> categories, long[] counts, CategoryOrder order,
      int minFrequency, int maxCategories) {
    List<Integer> frequent = new ArrayList<>();
    List<String> rare = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      if (counts[i] < minFrequency) {
        rare.add(categories.get(i));
      } else {
        frequent.add(i);
      }
    }
    Comparator<Integer> byFrequency = Comparator.<Integer>comparingLong(i -> -counts[i])
        .thenComparing(i -> categories.get(i));
    frequent.sort(byFrequency);
    if (maxCategories > 0 && frequent.size() > maxCategories) {
      for (int i : frequent.subList(maxCategories, frequent.size())) {
        rare.add(categories.get(i));
      }
      frequent = new ArrayList<>(frequent.subList(0, maxCategories));
    }
    List<String> kept = new ArrayList<>(frequent.size());
    for (int i : frequent) {
      kept.add(categories.get(i));
    }
    if (order == CategoryOrder.LEXICOGRAPHIC) {
      kept.sort(Comparator.naturalOrder());
    }
    rare.sort(Comparator.naturalOrder());
    return new CategoryMap(kept, rare);
  }

  /** Returns the number of kept categories. */
  int keptCount() {
    return kept;
  }

  /** Returns whether some seen categories are rare. */
  boolean hasRare() {
    return all.size() > kept;
  }

  /** Returns the kept categories in slot order. */
  List<String> kept() {
    return all.ids().subList(0, kept);
  }

  /** Returns the rare categories, sorted. */
  List<String> rare() {
    return all.ids().subList(kept, all.size());
  }

  /** Returns the slot of a category: {@code 0..kept-1}, {@link #OTHER}, {@link #UNSEEN} or {@link #MISSING}. */
  int slot(String category) {
    if (category == null) {
      return MISSING;
    }
    int i = all.indexOf(category);
    return i < 0 ? UNSEEN : i < kept ? i : OTHER;
  }

  /** Returns the slot of every code of a dictionary. */
  int[] slots(IdIndex dictionary) {
    int[] slots = new int[dictionary.size()];
    for (int c = 0; c < slots.length; c++) {
      slots[c] = slot(dictionary.idOf(c));
    }
    return slots;
  }

  /** Writes {@code "categories"} and {@code "rare"}. */
  void write(ObjectNode params) {
    ArrayNode k = params.putArray("categories");
    kept().forEach(k::add);
    ArrayNode r = params.putArray("rare");
    rare().forEach(r::add);
  }

  /** Reads what {@link #write} wrote. */
  static CategoryMap read(JsonNode params) {
    return new CategoryMap(CategoricalSupport.strings(params, "categories"), CategoricalSupport.strings(params, "rare"));
  }

  /** Returns an error message for an unseen category under {@link UnseenCategoryPolicy#ERROR}. */
  String unseenMessage(String column, int row, String value) {
    String at = row < 0 ? "" : " row " + row;
    return "column '" + column + "'" + at + " = '" + value
        + "': category not seen at fit time; expected one of " + abbreviated(all.ids())
        + " (unseen = ERROR)";
  }

  private static String abbreviated(List<String> ids) {
    return ids.size() <= 20 ? ids.toString()
        : ids.subList(0, 20) + " and " + (ids.size() - 20) + " more";
  }

}
