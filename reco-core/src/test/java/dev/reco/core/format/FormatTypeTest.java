package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatTypeTest {
  @Test
  void codesAreTheDocumentedOnes() {
    // The table in docs/formats.md; a change here breaks every stored file of that type.
    Map<FormatType, Integer> documented = new LinkedHashMap<>();
    documented.put(FormatType.INTERACTIONS, 1);
    documented.put(FormatType.ID_INDEX, 2);
    documented.put(FormatType.MATRIX_FACTORIZATION, 3);
    documented.put(FormatType.POPULARITY_MODEL, 4);
    documented.put(FormatType.TREE_ENSEMBLE, 5);
    documented.put(FormatType.LINEAR_MODEL, 6);
    documented.put(FormatType.FEATURE_PIPELINE, 7);
    documented.put(FormatType.DRIFT_PROFILE, 8);
    assertEquals(documented.size(), FormatType.values().length, "every type is in the table");
    documented.forEach((type, code) -> {
      assertEquals(code, type.code(), type.name());
      assertEquals(type, FormatType.fromCode(code));
    });
  }

  @Test
  void unknownCodesAreErrors() {
    for (int code : new int[] {0, 9, 65535, -1}) {
      UnknownFormatTypeException e = assertThrows(UnknownFormatTypeException.class,
          () -> FormatType.fromCode(code));
      assertEquals(code, e.code());
      assertTrue(e.getMessage().contains("type code " + code), e.getMessage());
    }
  }
}
