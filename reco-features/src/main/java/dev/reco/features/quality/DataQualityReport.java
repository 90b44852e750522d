package dev.reco.features.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of {@link DataQuality#check}: one {@link ColumnReport} per declared column, the
 * {@link Problem}s found with examples of offending rows, and an overall pass/fail. Immutable.
 *
 * <p>JSON layout ({@link #toJson()}, read back by {@link #fromJson(String)}), fields in this
 * order:
 * <pre>
 * {
 *   "format": "reco-data-quality-report",   // always this string
 *   "version": 1,                           // FORMAT version; readers reject newer ones
 *   "rows": 6,                              // rows of the checked table
 *   "passed": false,                        // true exactly when "problems" is empty
 *   "columns": [ {                          // one per rule, in schema order
 *     "name": "age", "expectedType": "LONG",
 *     "actualType": "LONG",                 // null when the column is absent
 *     "status": "FAILED",                   // OK, FAILED, MISSING_COLUMN or WRONG_TYPE
 *     "present": 5, "missing": 1,
 *     "completeness": 0.8333333333333334,   // present / rows (1.0 for an empty table)
 *     "valid": 3,                           // present values passing type, range, categories
 *     "validity": 0.6,                      // valid / present (1.0 when none present)
 *     "outOfRange": 2, "unseenCategories": 0,
 *     "duplicates": 0                       // null when uniqueness is not declared
 *   } ],
 *   "problems": [ {
 *     "columns": ["age"],                   // several for a composite key
 *     "kind": "OUT_OF_RANGE",               // a ProblemKind name
 *     "count": 2,                           // offending values, rows or 1 for a column problem
 *     "detail": "2 values outside [0, 120]",
 *     "examples": [ {"row": 3, "value": "-1"} ]   // value null for a missing value
 *   } ]
 * }
 * </pre>
 *
 * @param rows the number of rows of the checked table
 * @param passed whether no problem was found
 * @param columns one report per declared column, in schema order
 * @param problems the problems found, column by column in schema order, then composite keys
 */
public record DataQualityReport(int rows, boolean passed, List<ColumnReport> columns,
    List<Problem> problems) {

  /** The {@code format} field of the JSON form. */
  public static final String FORMAT = "reco-data-quality-report";
  /** The {@code version} field this class writes and the newest it reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The status of one declared column. */
  public enum Status {
    /** The column exists with the declared type and passes every rule. */
    OK,
    /** The column exists with the declared type and breaks at least one rule. */
    FAILED,
    /** The column is not in the table. */
    MISSING_COLUMN,
    /** The column has another type than declared; its values count as invalid. */
    WRONG_TYPE
  }

  /**
   * The measurements of one declared column.
   *
   * @param name the column name
   * @param expectedType the declared type
   * @param actualType the type in the table, or null when the column is absent
   * @param status the column's status
   * @param present present (non-missing) values
   * @param missing missing values
   * @param completeness {@code present / rows}, 1.0 for an empty table
   * @param valid present values of the declared type inside the range and allowed categories
   * @param validity {@code valid / present}, 1.0 when no value is present
   * @param outOfRange present values outside the declared range
   * @param unseenCategories present values outside the allowed categories
   * @param duplicates present values repeating an earlier row, or -1 when uniqueness is not
   *     declared (or the column is absent or of another type)
   */
  public record ColumnReport(String name, ColumnType expectedType, ColumnType actualType,
      Status status, int present, int missing, double completeness, int valid, double validity,
      int outOfRange, int unseenCategories, long duplicates) {
    /** Validates the report. */
    public ColumnReport {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(expectedType, "expectedType");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * One problem found.
   *
   * @param columns the column, or the columns of a composite key
   * @param kind the kind of problem
   * @param count offending values (or rows, for keys); 1 for a missing or mistyped column
   * @param detail a readable sentence naming the counts and what was expected
   * @param examples up to the requested number of offending rows
   */
  public record Problem(List<String> columns, ProblemKind kind, long count, String detail,
      List<Example> examples) {
    /** Validates the problem and copies the lists. */
    public Problem {
      columns = List.copyOf(columns);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
      examples = List.copyOf(examples);
    }

    /** Returns the column names joined by {@code +}, e.g. {@code country+user}. */
    public String columnLabel() {
      return String.join("+", columns);
    }
  }

  /**
   * One offending row.
   *
   * @param row the 0-based row index in the table
   * @param value the offending value as text (a tuple {@code (a, b)} for a key), or null for a
   *     missing value
   */
  public record Example(int row, String value) {}

  /** Copies the lists. */
  public DataQualityReport {
    columns = List.copyOf(columns);
    problems = List.copyOf(problems);
  }

  /**
   * Returns the report of one column.
   *
   * @param name a declared column
   * @return its report
   * @throws IllegalArgumentException if no rule names the column
   */
  public ColumnReport column(String name) {
    for (ColumnReport c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("column = '" + name + "'; expected a declared column, one of "
        + columns.stream().map(ColumnReport::name).toList());
  }

  /**
   * Returns the problems of one kind, in report order.
   *
   * @param kind a problem kind
   * @return the problems (possibly empty)
   */
  public List<Problem> problems(ProblemKind kind) {
    return problems.stream().filter(p -> p.kind() == kind).toList();
  }

  // ---------------------------------------------------------------- JSON

  /** Returns the report as indented JSON in the layout of the class description. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("rows", rows);
    root.put("passed", passed);
    ArrayNode cols = root.putArray("columns");
    for (ColumnReport c : columns) {
      ObjectNode n = cols.addObject();
      n.put("name", c.name());
      n.put("expectedType", c.expectedType().name());
      if (c.actualType() == null) {
        n.putNull("actualType");
      } else {
        n.put("actualType", c.actualType().name());
      }
      n.put("status", c.status().name());
      n.put("present", c.present());
      n.put("missing", c.missing());
      n.put("completeness", c.completeness());
      n.put("valid", c.valid());
      n.put("validity", c.validity());
      n.put("outOfRange", c.outOfRange());
      n.put("unseenCategories", c.unseenCategories());
      if (c.duplicates() < 0) {
        n.putNull("duplicates");
      } else {
        n.put("duplicates", c.duplicates());
      }
    }
    ArrayNode probs = root.putArray("problems");
    for (Problem p : problems) {
      ObjectNode n = probs.addObject();
      ArrayNode names = n.putArray("columns");
      p.columns().forEach(names::add);
      n.put("kind", p.kind().name());
      n.put("count", p.count());
      n.put("detail", p.detail());
      ArrayNode ex = n.putArray("examples");
      for (Example e : p.examples()) {
        ObjectNode x = ex.addObject();
        x.put("row", e.row());
        if (e.value() == null) {
          x.putNull("value");
        } else {
          x.put("value", e.value());
        }
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @param json the JSON text
   * @return the report
   * @throws IllegalArgumentException if the text is not JSON, has another {@code format}, a
   *     {@code version} newer than {@link #VERSION}, or lacks or mistypes a field
   */
  public static DataQualityReport fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(Objects.requireNonNull(json, "json"));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("json is not valid JSON (" + e.getOriginalMessage()
          + "); expected a data quality report", e);
    }
    String format = text(root, "format", false);
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format = '" + format + "'; expected '" + FORMAT + "'");
    }
    long version = number(root, "version");
    if (version < 1 || version > VERSION) {
      throw new IllegalArgumentException("version = " + version + "; expected 1.." + VERSION
          + " (written by a newer reco?)");
    }
    List<ColumnReport> cols = new ArrayList<>();
    for (JsonNode n : array(root, "columns")) {
      String actual = text(n, "actualType", true);
      JsonNode dup = field(n, "duplicates");
      cols.add(new ColumnReport(text(n, "name", false),
          ColumnType.valueOf(text(n, "expectedType", false)),
          actual == null ? null : ColumnType.valueOf(actual),
          Status.valueOf(text(n, "status", false)),
          (int) number(n, "present"), (int) number(n, "missing"), real(n, "completeness"),
          (int) number(n, "valid"), real(n, "validity"), (int) number(n, "outOfRange"),
          (int) number(n, "unseenCategories"), dup.isNull() ? -1 : number(n, "duplicates")));
    }
    List<Problem> probs = new ArrayList<>();
    for (JsonNode n : array(root, "problems")) {
      List<String> names = new ArrayList<>();
      for (JsonNode c : array(n, "columns")) {
        names.add(c.asText());
      }
      List<Example> examples = new ArrayList<>();
      for (JsonNode e : array(n, "examples")) {
        examples.add(new Example((int) number(e, "row"), text(e, "value", true)));
      }
      probs.add(new Problem(names, ProblemKind.valueOf(text(n, "kind", false)), number(n, "count"),
          text(n, "detail", false), examples));
    }
    boolean passed = field(root, "passed").asBoolean();
    return new DataQualityReport((int) number(root, "rows"), passed, cols, probs);
  }

  private static JsonNode field(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null) {
      throw new IllegalArgumentException("field '" + name + "' is absent; expected it in " + n);
    }
    return v;
  }

  private static String text(JsonNode n, String name, boolean nullable) {
    JsonNode v = field(n, name);
    if (v.isNull() && nullable) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + name + "' = " + v + "; expected a string");
    }
    return v.asText();
  }

  private static long number(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (!v.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + name + "' = " + v + "; expected an integer");
    }
    return v.asLong();
  }

  private static double real(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("field '" + name + "' = " + v + "; expected a number");
    }
    return v.asDouble();
  }

  private static Iterable<JsonNode> array(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (!v.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' = " + v + "; expected an array");
    }
    return v;
  }

  // ---------------------------------------------------------------- text

  /**
   * Returns a readable summary: a title line with the verdict, an aligned table with one line
   * per declared column, then the problems, each with its examples.
   *
   * @return the summary, lines separated by {@code \n}
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Data quality: ").append(passed ? "PASSED" : "FAILED").append(" (")
        .append(rows).append(rows == 1 ? " row, " : " rows, ")
        .append(columns.size()).append(columns.size() == 1 ? " column checked, " : " columns checked, ")
        .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)")
        .append('\n');
    String[] head = {"column", "type", "missing", "complete", "valid", "validity", "out of range",
        "unseen", "duplicates", "status"};
    boolean[] right = {false, false, true, true, true, true, true, true, true, false};
    List<String[]> lines = new ArrayList<>();
    lines.add(head);
    for (ColumnReport c : columns) {
      boolean measured = c.status() != Status.MISSING_COLUMN;
      String type = c.expectedType().name();
      if (c.status() == Status.WRONG_TYPE) {
        type += " (is " + c.actualType() + ")";
      }
      lines.add(new String[] {
          c.name(), type,
          measured ? Integer.toString(c.missing()) : "-",
          measured ? percent(c.completeness()) : "-",
          measured ? Integer.toString(c.valid()) : "-",
          measured ? percent(c.validity()) : "-",
          measured ? Integer.toString(c.outOfRange()) : "-",
          measured ? Integer.toString(c.unseenCategories()) : "-",
          c.duplicates() < 0 ? "-" : Long.toString(c.duplicates()),
          c.status().name()});
    }
    int[] width = new int[head.length];
    for (String[] l : lines) {
      for (int i = 0; i < l.length; i++) {
        width[i] = Math.max(width[i], l[i].length());
      }
    }
    for (String[] l : lines) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < l.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(width[i] - l[i].length());
        line.append(right[i] ? pad + l[i] : l[i] + pad);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    if (!problems.isEmpty()) {
      sb.append('\n').append("Problems:\n");
      int i = 1;
      for (Problem p : problems) {
        sb.append(String.format(Locale.ROOT, "%2d. %s %s: %s", i++, p.columnLabel(), p.kind(),
            p.detail())).append('\n');
        for (Example e : p.examples()) {
          sb.append("      row ").append(e.row()).append(": ")
              .append(e.value() == null ? "(missing)" : e.value()).append('\n');
        }
      }
    }
    return sb.toString();
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  @Override
  public String toString() {
    return toText();
  }
}
