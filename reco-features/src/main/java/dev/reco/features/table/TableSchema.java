package dev.reco.features.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The names and types of a table's columns, in order. Immutable. */
public final class TableSchema {
  /**
   * One column's declaration.
   *
   * @param name the column name, non-blank
   * @param type its type
   */
  public record Field(String name, ColumnType type) {
    /** Validates the field. */
    public Field {
      Column.checkName(name);
      Objects.requireNonNull(type, "type");
    }
  }

  private final List<Field> fields;
  private final Map<String, Integer> index;

  private TableSchema(List<Field> fields) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      Integer previous = positions.put(fields.get(i).name(), i);
      if (previous != null) {
        throw new IllegalArgumentException("column '" + fields.get(i).name()
            + "' appears at positions " + previous + " and " + i + "; expected unique names");
      }
    }
    this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    this.index = positions;
  }

  /**
   * Returns a schema of these fields.
   *
   * @param fields the fields in order, unique names
   * @return the schema
   * @throws IllegalArgumentException if a name repeats
   */
  public static TableSchema of(List<Field> fields) {
    return new TableSchema(fields);
  }

  /**
   * Returns a schema of these fields.
   *
   * @param fields the fields in order, unique names
   * @return the schema
   * @throws IllegalArgumentException if a name repeats
   */
  public static TableSchema of(Field... fields) {
    return new TableSchema(List.of(fields));
  }

  /** Returns the fields in order (unmodifiable). */
  public List<Field> fields() {
    return fields;
  }

  /** Returns the number of columns. */
  public int size() {
    return fields.size();
  }

  /**
   * Returns the position of a column, or -1.
   *
   * @param name a column name
   * @return its position or -1
   */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /**
   * Returns the position of a column that must exist with this type.
   *
   * @param name a column name
   * @param type the expected type
   * @return its position
   * @throws IllegalArgumentException if there is no such column or it has another type
   */
  public int require(String name, ColumnType type) {
    int i = indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("column '" + name + "' not found; expected one of " + names());
    }
    if (fields.get(i).type() != type) {
      throw new IllegalArgumentException("column '" + name + "' is " + fields.get(i).type()
          + "; expected " + type);
    }
    return i;
  }

  /** Returns the column names in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(fields.size());
    for (Field f : fields) {
      names.add(f.name());
    }
    return names;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableSchema other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "TableSchema" + fields;
  }
}
