package dev.reco.features.quality;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.util.BitSet;

/** A small table with planted quality problems and its rules, shared by the quality tests. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Eight customers with planted problems:
   * id: 3 repeats at row 4, 7 repeats at row 6 (rows 1 and 3 hold them first); missing at row 5.
   * age: -1 at row 2 and 130 at row 6 outside [0, 120]; missing at rows 3 and 7 (2 of 8 = 25%).
   * country: "XX" at row 1 and "ZZ" at row 5 are not allowed; missing at row 2.
   * spend: 1e9 at row 0 outside [0, 1e6]; present everywhere.
   * member: boolean, all present, no rule beyond the type.
   */
  static Table customers() {
    BitSet idMissing = new BitSet();
    idMissing.set(5);
    BitSet ageMissing = new BitSet();
    ageMissing.set(3);
    ageMissing.set(7);
    return Table.of(
        LongColumn.of("id", new long[] {1, 3, 5, 7, 3, 0, 7, 9}, idMissing),
        LongColumn.of("age", new long[] {30, 41, -1, 0, 25, 60, 130, 0}, ageMissing),
        CategoricalColumn.of("country", "FR", "XX", null, "DE", "FR", "ZZ", "DE", "FR"),
        DoubleColumn.of("spend", 1e9, 10, 20, 0, 5.5, 7, 1e6, 3),
        BooleanColumn.of("member", true, false, true, true, false, false, true, false));
  }

  static QualitySchema rules() {
    return QualitySchema.of(
        ColumnRule.of("id", ColumnType.LONG).required().requireUnique(),
        ColumnRule.of("age", ColumnType.LONG).maxMissing(0.2).range(0, 120),
        ColumnRule.of("country", ColumnType.CATEGORICAL).categories("FR", "DE"),
        ColumnRule.of("spend", ColumnType.DOUBLE).required().range(0, 1e6),
        ColumnRule.of("member", ColumnType.BOOLEAN).required());
  }


  /**
   * {@link #rules()} plus a rule for an absent column and a composite key (country, member):
   * (DE, true) at row 6 repeats row 3, (FR, false) at row 7 repeats row 4.
   */
  static QualitySchema richRules() {
    java.util.List<ColumnRule> columns = new java.util.ArrayList<>(rules().columns());
    columns.add(ColumnRule.of("signup", ColumnType.LONG));
    return new QualitySchema(columns, java.util.List.of()).withKey("country", "member");
  }
}
