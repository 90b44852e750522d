package dev.reco.core.eval;

import java.util.List;

/** Renders rows of strings as an aligned plain-text table (first column left, others right). */
final class TextTable {
  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    int columns = header.size();
    int[] width = new int[columns];
    for (int c = 0; c < columns; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendRow(sb, header, width);
    for (int c = 0; c < columns; c++) {
      sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    sb.append('\n');
    for (List<String> row : rows) {
      appendRow(sb, row, width);
    }
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      sb.append(c == 0 ? "" : "  ").append(c == 0 ? cell + pad : pad + cell);
    }
    sb.append('\n');
  }
}
