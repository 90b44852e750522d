package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Binning by fitted edges {@code e[0] < e[1] < ... < e[k]}, the fitted form of
 * {@link EqualWidthBin} and {@link QuantileBin}: the bin index is the number of inner edges
 * {@code e[1..k-1]} that are {@code <= x} (numpy {@code searchsorted(e[1:-1], x, side="right")},
 * as scikit-learn's {@code KBinsDiscretizer}), so values below {@code e[0]} fall in bin 0 and
 * values above {@code e[k]} in bin {@code k - 1}; a constant training column gives one bin
 * {@code [v, v]} (every value in bin 0). Output: the index as a DOUBLE in
 * {@code [0, k)}. Parameters: {@code edges}.
 */
final class BinFitted extends UnaryNumericStep {
  private final double[] edges;

  BinFitted(String type, String input, String output, double[] edges) {
    super(type, input, output);
    if (edges.length < 2) {
      throw new IllegalArgumentException(type + ": edges has " + edges.length
          + " values; expected at least 2");
    }
    // one bin may have equal edges (a constant training column); otherwise strictly increasing
    boolean single = edges.length == 2 && edges[1] == edges[0];
    for (int i = 1; i < edges.length; i++) {
      if (!(edges[i] > edges[i - 1] || single) || !Double.isFinite(edges[i])
          || !Double.isFinite(edges[0])) {
        throw new IllegalArgumentException(type + ": edges[" + i + "] = " + edges[i]
            + " after " + edges[i - 1] + "; expected finite, strictly increasing edges");
      }
    }
    this.edges = edges.clone();
  }

  static BinFitted read(String type, List<String> inputs, List<TableSchema.Field> outputs,
      JsonNode params) {
    Json.arity(type, inputs, 1, outputs, 1, 1);
    Json.outputType(type, outputs.get(0), ColumnType.DOUBLE);
    return new BinFitted(type, inputs.get(0), outputs.get(0).name(), Json.numbers(params, "edges", "params."));
  }

  /** Returns the number of bins. */
  int bins() {
    return edges.length - 1;
  }

  @Override
  double apply(double x) {
    // number of inner edges e[1..k-1] <= x, by binary search for the first inner edge > x
    int lo = 1;
    int hi = edges.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  @Override
  public void writeParams(ObjectNode params) {
    ArrayNode a = params.putArray("edges");
    for (double e : edges) {
      a.add(e);
    }
  }
}
