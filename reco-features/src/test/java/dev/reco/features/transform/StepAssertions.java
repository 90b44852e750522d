package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** Checks every fitted step must pass: batch == row, JSON round trip. */
final class StepAssertions {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** A reader of a fitted step's JSON parts. */
  interface Reader {
    FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params);
  }

  private StepAssertions() {}

  /** Asserts that transformRow on each row equals the row of transform's output (NaN == NaN). */
  static void assertBatchEqualsRow(FittedStep step, Table table) {
    Table batch = step.transform(table);
    List<TableSchema.Field> fields = new ArrayList<>();
    int[] in = new int[step.inputs().size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = fields.size();
      fields.add(table.schema().fields().get(table.schema().indexOf(step.inputs().get(i))));
    }
    int[] out = new int[step.outputs().size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = fields.size();
      fields.add(step.outputs().get(j));
    }
    RowBuffer row = new RowBuffer(TableSchema.of(fields));
    for (int r = 0; r < table.rows(); r++) {
      row.clear();
      for (int i = 0; i < in.length; i++) {
        set(row, in[i], table.column(step.inputs().get(i)), r);
      }
      step.transformRow(row, in, out);
      for (int j = 0; j < out.length; j++) {
        TableSchema.Field f = step.outputs().get(j);
        Column c = batch.column(f.name());
        String at = "row " + r + " column " + f.name();
        assertEquals(c.isMissing(r), row.isMissing(out[j]), at);
        if (f.type() == ColumnType.DOUBLE) {
          assertEquals(Double.doubleToLongBits(((DoubleColumn) c).get(r)),
              Double.doubleToLongBits(row.getDouble(out[j])), at);
        } else if (f.type() == ColumnType.CATEGORICAL) {
          assertEquals(((CategoricalColumn) c).category(r), row.getCategory(out[j]), at);
        } else {
          throw new AssertionError("unexpected output type " + f);
        }
      }
    }
  }

  private static void set(RowBuffer row, int pos, Column c, int r) {
    if (c.isMissing(r)) {
      row.setMissing(pos);
    } else if (c instanceof DoubleColumn d) {
      row.setDouble(pos, d.get(r));
    } else if (c instanceof LongColumn l) {
      row.setLong(pos, l.get(r));
    } else if (c instanceof CategoricalColumn k) {
      row.setCategory(pos, k.category(r));
    } else {
      row.setBoolean(pos, ((BooleanColumn) c).get(r));
    }
  }

  /** Writes the step's params as JSON text, parses it and reads the step back. */
  static FittedStep roundTrip(FittedStep step, Reader reader) {
    ObjectNode params = MAPPER.createObjectNode();
    step.writeParams(params);
    try {
      JsonNode parsed = MAPPER.readTree(MAPPER.writeValueAsString(params));
      return reader.read(step.inputs(), step.outputs(), parsed);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Asserts two tables have identical output columns. */
  static void assertSameOutputs(List<TableSchema.Field> outputs, Table a, Table b) {
    for (TableSchema.Field f : outputs) {
      Column x = a.column(f.name());
      Column y = b.column(f.name());
      assertEquals(x.type(), y.type(), f.name());
      for (int r = 0; r < a.rows(); r++) {
        assertEquals(x.isMissing(r), y.isMissing(r), f.name() + " row " + r);
        if (x instanceof DoubleColumn d) {
          assertEquals(Double.doubleToLongBits(d.get(r)),
              Double.doubleToLongBits(((DoubleColumn) y).get(r)), f.name() + " row " + r);
        } else if (x instanceof CategoricalColumn k) {
          assertEquals(k.category(r), ((CategoricalColumn) y).category(r), f.name() + " row " + r);
        }
      }
    }
  }

  /** Returns a column from strings, where null is missing. */
  static CategoricalColumn cat(String name, List<String> values) {
    return CategoricalColumn.of(name, values.toArray(new String[0]));
  }

  /** Returns the doubles of a column. */
  static double[] doubles(Table t, String name) {
    return t.doubleColumn(name).toArray();
  }
}
