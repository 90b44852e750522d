package dev.reco.features.transform;

import dev.reco.core.IdIndex;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fitted feature pipeline: immutable and thread-safe. It transforms whole tables
 * ({@link #transform}, {@link #features}) and single serving rows ({@link #newRowTransformer}),
 * and both paths give identical values.
 *
 * <p><b>Row plan.</b> At construction the pipeline lays out one row of <em>slots</em>: the
 * {@link #inputSchema()} columns first (positions {@code 0..inputSchema().size()-1}), then one
 * slot per step output. An output that reuses an earlier column's name gets a fresh slot (named
 * {@code name#2}, {@code name#3}, ...), so a step may replace a column, even with another type,
 * without overwriting the caller's input; later steps read the newest slot of a name. Each step's
 * input and output positions are precomputed, so transforming a row allocates nothing.
 *
 * <p><b>Features.</b> The final columns ({@link #outputNames()}) become doubles: DOUBLE as is,
 * LONG converted, BOOLEAN as 0/1, CATEGORICAL as the category's code in the dictionary the column
 * had in the transformed training table (kept with the pipeline); missing values and categories
 * not in that dictionary become NaN.
 */
public final class FittedPipeline {
  private static final int BLOCK = 512;

  private final TableSchema inputSchema;
  private final List<FittedStep> steps;
  private final List<String> outputNames;
  private final Map<String, IdIndex> categories;

  // the row plan
  private final TableSchema slots;
  private final int[][] stepIn;
  private final int[][] stepOut;
  private final int[] outputSlots;
  private final ColumnType[] outputTypes;
  private final IdIndex[] outputDictionaries;

  FittedPipeline(TableSchema inputSchema, List<FittedStep> steps, List<String> outputNames,
      Map<String, IdIndex> categories) {
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema");
    this.steps = List.copyOf(steps);
    this.outputNames = List.copyOf(outputNames);
    this.categories = Map.copyOf(categories);
    if (this.outputNames.isEmpty()) {
      throw new IllegalArgumentException("outputs = []; expected at least one output column");
    }
    Set<String> taken = new HashSet<>(inputSchema.names());
    for (FittedStep s : this.steps) {
      for (TableSchema.Field f : s.outputs()) {
        taken.add(f.name());
      }
    }
    List<TableSchema.Field> slotFields = new ArrayList<>(inputSchema.fields());
    Map<String, Integer> current = new HashMap<>();
    for (int i = 0; i < inputSchema.size(); i++) {
      current.put(inputSchema.fields().get(i).name(), i);
    }
    stepIn = new int[this.steps.size()][];
    stepOut = new int[this.steps.size()][];
    for (int s = 0; s < this.steps.size(); s++) {
      FittedStep step = this.steps.get(s);
      List<String> ins = step.inputs();
      stepIn[s] = new int[ins.size()];
      for (int i = 0; i < ins.size(); i++) {
        Integer slot = current.get(ins.get(i));
        if (slot == null) {
          throw new IllegalArgumentException("step " + s + " (" + step.type() + ") reads column '"
              + ins.get(i) + "', which is neither an input " + inputSchema.names()
              + " nor written by an earlier step");
        }
        stepIn[s][i] = slot;
      }
      List<TableSchema.Field> outs = step.outputs();
      stepOut[s] = new int[outs.size()];
      for (int o = 0; o < outs.size(); o++) {
        String name = outs.get(o).name();
        String slotName = name;
        if (current.containsKey(name)) {
          for (int k = 2; taken.contains(slotName); k++) {
            slotName = name + "#" + k;
          }
          taken.add(slotName);
        }
        stepOut[s][o] = slotFields.size();
        slotFields.add(new TableSchema.Field(slotName, outs.get(o).type()));
      }
      for (int o = 0; o < outs.size(); o++) {
        current.put(outs.get(o).name(), stepOut[s][o]);
      }
    }
    this.slots = TableSchema.of(slotFields);
    int k = this.outputNames.size();
    outputSlots = new int[k];
    outputTypes = new ColumnType[k];
    outputDictionaries = new IdIndex[k];
    for (int j = 0; j < k; j++) {
      String name = this.outputNames.get(j);
      Integer slot = current.get(name);
      if (slot == null) {
        throw new IllegalArgumentException("output '" + name + "' is neither an input "
            + inputSchema.names() + " nor written by a step");
      }
      outputSlots[j] = slot;
      outputTypes[j] = slotFields.get(slot).type();
      if (outputTypes[j] == ColumnType.CATEGORICAL) {
        outputDictionaries[j] = this.categories.get(name);
        if (outputDictionaries[j] == null) {
          throw new IllegalArgumentException("output '" + name
              + "' is CATEGORICAL but has no dictionary; expected one in categories");
        }
      }
    }
    for (String name : this.categories.keySet()) {
      if (!this.outputNames.contains(name)) {
        throw new IllegalArgumentException("categories names '" + name
            + "', which is not an output; expected one of " + this.outputNames);
      }
    }
  }

  /** Returns the columns the pipeline needs from the caller, with their types. */
  public TableSchema inputSchema() {
    return inputSchema;
  }

  /** Returns the final feature columns, in order (unmodifiable). */
  public List<String> outputNames() {
    return outputNames;
  }

  /** Returns the types of the final feature columns, in order. */
  public List<ColumnType> outputTypes() {
    return List.of(outputTypes);
  }

  /** Returns the fitted steps in order (unmodifiable). */
  public List<FittedStep> steps() {
    return steps;
  }

  /**
   * Returns the dictionary of a CATEGORICAL output, whose codes {@link #features} writes.
   *
   * @param output a CATEGORICAL output name
   * @return its dictionary
   * @throws IllegalArgumentException if the name is not a CATEGORICAL output
   */
  public IdIndex categories(String output) {
    IdIndex d = categories.get(output);
    if (d == null) {
      throw new IllegalArgumentException("output '" + output
          + "' is not a CATEGORICAL output; expected one of " + categories.keySet());
    }
    return d;
  }

  Map<String, IdIndex> categoryMap() {
    return categories;
  }

  TableSchema slots() {
    return slots;
  }

  int[][] stepIn() {
    return stepIn;
  }

  int[][] stepOut() {
    return stepOut;
  }

  int[] outputSlots() {
    return outputSlots;
  }

  ColumnType[] outputTypeArray() {
    return outputTypes;
  }

  IdIndex[] outputDictionaries() {
    return outputDictionaries;
  }

  /**
   * Applies every step in order to a table.
   *
   * @param table a table holding the {@link #inputSchema()} columns with their types (other
   *     columns are kept and ignored)
   * @return the table with every step's outputs added or replaced; {@code select} the
   *     {@link #outputNames()} for the features only
   * @throws IllegalArgumentException if an input column is missing or has another type
   */
  public Table transform(Table table) {
    for (TableSchema.Field f : inputSchema.fields()) {
      table.schema().require(f.name(), f.type());
    }
    Table current = table;
    for (FittedStep s : steps) {
      current = s.transform(current);
    }
    return current;
  }

  /**
   * Transforms a table and returns its output features as row-major doubles: value {@code j} of
   * row {@code r} at {@code r * outputNames().size() + j} (see the class comment for the
   * conversion of each type).
   *
   * @param table a table holding the {@link #inputSchema()} columns
   * @return {@code table.rows() * outputNames().size()} doubles
   * @throws IllegalArgumentException if an input column is missing or has another type, or the
   *     result would exceed an array's capacity
   */
  public double[] features(Table table) {
    Table t = transform(table);
    int n = t.rows();
    int k = outputNames.size();
    long size = (long) n * k;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("rows x outputs = " + n + " x " + k + " = " + size
          + "; expected at most " + (Integer.MAX_VALUE - 8) + " values");
    }
    double[] f = new double[(int) size];
    Column[] cols = new Column[k];
    int[][] remaps = new int[k][];
    for (int j = 0; j < k; j++) {
      cols[j] = t.column(outputNames.get(j));
      if (cols[j] instanceof CategoricalColumn cat) {
        IdIndex own = cat.dictionary();
        IdIndex fitted = categories(outputNames.get(j));
        remaps[j] = new int[own.size()];
        for (int code = 0; code < remaps[j].length; code++) {
          remaps[j][code] = fitted.indexOf(own.idOf(code));
        }
      }
    }
    // blocks of rows, so the block of the row-major result stays in cache while columns fill it
    for (int r0 = 0; r0 < n; r0 += BLOCK) {
      int r1 = Math.min(n, r0 + BLOCK);
      for (int j = 0; j < k; j++) {
        Column c = cols[j];
        if (c instanceof DoubleColumn d) {
          for (int r = r0; r < r1; r++) {
            f[r * k + j] = d.get(r);
          }
        } else if (c instanceof LongColumn l) {
          for (int r = r0; r < r1; r++) {
            f[r * k + j] = l.isMissing(r) ? Double.NaN : (double) l.get(r);
          }
        } else if (c instanceof BooleanColumn b) {
          for (int r = r0; r < r1; r++) {
            f[r * k + j] = b.isMissing(r) ? Double.NaN : (b.get(r) ? 1.0 : 0.0);
          }
        } else {
          CategoricalColumn cat = (CategoricalColumn) c;
          int[] remap = remaps[j];
          for (int r = r0; r < r1; r++) {
            int code = cat.code(r);
            int mapped = code < 0 ? -1 : remap[code];
            f[r * k + j] = mapped < 0 ? Double.NaN : mapped;
          }
        }
      }
    }
    return f;
  }

  /**
   * Returns a new row transformer for serving: not thread-safe, create one per thread and reuse
   * it for every request.
   *
   * @return the row transformer
   */
  public RowTransformer newRowTransformer() {
    return new RowTransformer(this);
  }

  /**
   * Writes the pipeline as JSON ({@link PipelineJson}) to a file atomically: to a temporary file
   * in the same directory, then moved over {@code file}, so readers see the old or the new file,
   * never a partial one.
   *
   * @param file the target file
   * @throws IOException if writing fails (the target is then unchanged)
   */
  public void save(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    byte[] bytes = PipelineJson.write(this).getBytes(StandardCharsets.UTF_8);
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a pipeline written by {@link #save}.
   *
   * @param file the file
   * @return the pipeline
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if the content is not a valid pipeline (see
   *     {@link PipelineJson#read})
   */
  public static FittedPipeline load(Path file) throws IOException {
    return PipelineJson.read(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "FittedPipeline[" + inputSchema.names() + " -> " + steps + " -> " + outputNames + "]";
  }
}
