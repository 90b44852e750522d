package dev.reco.core.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The examples of docs/splits.md, asserted. Keep the two in sync. */
class SplitDocsExampleTest {

  @Test
  void leaveLastOneAndGlobalTime() {
    Interactions events = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("ann", "book", 1f, 1_000L)
        .add("ann", "pen", 1f, 2_000L)
        .add("ann", "ink", 1f, 3_000L)
        .add("bob", "book", 1f, 1_500L)
        .add("bob", "lamp", 1f, 2_500L)
        .add("cid", "pen", 1f, 2_800L)
        .build();

    Split byUser = Splitter.leaveLastN(1).split(events);
    // ann's ink (t=3000) and bob's lamp (t=2500) go to test; cid has one row and stays in train
    assertEquals(4, byUser.train().size());
    assertEquals(2, byUser.test().size());
    assertEquals(0, byUser.report().testOnlyUsers());
    assertEquals(2, byUser.report().testOnlyItems()); // ink and lamp never appear in train

    Split byTime = Splitter.globalTime(Instant.ofEpochMilli(2_600)).split(events);
    // test: ann's ink (3000) and cid's pen (2800); cid has no row before the cutoff
    assertEquals(2, byTime.test().size());
    assertEquals(1, byTime.report().testOnlyUsers());
    assertArrayEquals(new int[] {events.users().indexOf("cid")}, byTime.testOnlyUsers());

    // nested: carve a validation set out of train with the same rule, indexes stay shared
    Split validation = Splitter.globalTimeFraction(0.25).split(byTime.train());
    assertEquals(events.users(), validation.test().users());
    // 4 train rows at 1000 1500 2000 2500: m = round(4 * 0.25) = 1, cutoff = 2500
    assertEquals(1, validation.test().size());
  }
}
