package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/features-categorical.md, compiled and asserted. */
class CategoricalExampleTest {
  @Test
  void docExample() {
    Table train = Table.of(
        CategoricalColumn.of("device", "ios", "web", "ios", null),
        CategoricalColumn.of("country", "DE", "FR", "DE", "DE"),
        DoubleColumn.of("bought", 1, 0, 1, 0));

    OneHotFitted oneHot = OneHotStep.of("device")
        .withUnseen(UnseenCategoryPolicy.OTHER).withRare(2, 0).withMissingIndicator(true).fit(train);
    OrdinalFitted ordinal = OrdinalStep.of("country").fit(train);
    FeatureHashingFitted hashed = FeatureHashingStep.of(64, "device", "country").fit(train);
    FeatureCrossFitted cross = FeatureCrossStep.of("device", "country").fit(train);
    TargetEncodingStep.FitResult te = TargetEncodingStep.of("device", "bought").withFolds(5, 42)
        .fitOutOfFold(train);

    // web (1 row) is rare: kept [ios], then __other__, then __missing__
    assertEquals(List.of("ios"), oneHot.categories());
    assertArrayEquals(new double[] {0, 1, 0, 0},
        oneHot.transform(train).doubleColumn("device=__other__").toArray());
    assertEquals(List.of("DE", "FR"), ordinal.categories());
    assertEquals(64, hashed.outputs().size());
    assertEquals(List.of("ios|DE", "web|FR"), cross.dictionary().ids());
    // prior 2/4 = 0.5; ios: n 2 sum 2 -> (2 + 0.5) / 3
    assertEquals(2.5 / 3, te.fitted().encoding("ios"), 1e-12);
    assertEquals(4, te.outOfFold().rows());
  }
}
