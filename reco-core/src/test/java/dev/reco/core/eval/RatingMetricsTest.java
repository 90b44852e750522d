package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatingMetricsTest {

  @Test
  void handComputedErrors() {
    // errors predicted - actual = [0.5, -1, 2, 0]
    double[] actual = {4, 3, 1, 5};
    double[] predicted = {4.5, 2, 3, 5};
    // RMSE = sqrt((0.25 + 1 + 4 + 0) / 4) = sqrt(1.3125)
    assertEquals(Math.sqrt(1.3125), RatingMetrics.rmse(actual, predicted), 1e-15);
    // MAE = (0.5 + 1 + 2 + 0) / 4 = 0.875
    assertEquals(0.875, RatingMetrics.mae(actual, predicted), 1e-15);
    assertEquals(0.0, RatingMetrics.rmse(actual, actual));
  }

  @Test
  void floatOverloadsTakeDifferencesInDouble() {
    float[] actual = {4f, 3f};
    float[] predicted = {4.5f, 2f};
    // errors 0.5 and -1: RMSE = sqrt((0.25 + 1) / 2), MAE = 0.75
    assertEquals(Math.sqrt(0.625), RatingMetrics.rmse(actual, predicted), 1e-15);
    assertEquals(0.75, RatingMetrics.mae(actual, predicted), 1e-15);
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RatingMetrics.rmse(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("predicted.length = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RatingMetrics.mae(new double[0], new double[0]));
    assertTrue(e.getMessage().contains("actual is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RatingMetrics.mae(new double[] {1}, new double[] {Double.NaN}));
    assertTrue(e.getMessage().contains("predicted[0] = NaN"), e.getMessage());
  }
}
