package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PendingQueueTest {

  private record Entry(long due, long seq, int user, int item, int type) {}

  @Test
  void equalDueTimesLeaveInInsertionOrder() {
    PendingQueue q = new PendingQueue();
    q.add(50, 1, 10, 1);
    q.add(20, 2, 20, 2);
    q.add(50, 3, 30, 1);
    q.add(20, 4, 40, 1);
    int[] users = new int[4];
    for (int k = 0; k < 4; k++) {
      users[k] = q.peekUser();
      q.poll();
    }
    assertEquals(List.of(2, 4, 1, 3), List.of(users[0], users[1], users[2], users[3]));
    assertTrue(q.isEmpty());
  }

  /**
   * Ops: a non-negative value adds an entry with that due time, a negative one polls (if not
   * empty). The queue must pop exactly what a reference priority queue on (due, seq) pops.
   */
  @Property(tries = 300, seed = "42")
  void behavesLikeAPriorityQueueOnDueThenInsertion(
      @ForAll @Size(max = 400) List<@IntRange(min = -40, max = 60) Integer> ops) {
    PendingQueue q = new PendingQueue();
    PriorityQueue<Entry> ref = new PriorityQueue<>(
        Comparator.comparingLong(Entry::due).thenComparingLong(Entry::seq));
    List<Integer> got = new ArrayList<>();
    List<Integer> want = new ArrayList<>();
    long seq = 0;
    for (int op : ops) {
      if (op >= 0) {
        int user = (int) seq;
        q.add(op, user, -user, op % 3);
        ref.add(new Entry(op, seq, user, -user, op % 3));
        seq++;
      } else if (!ref.isEmpty()) {
        Entry e = ref.poll();
        assertEquals(e.due(), q.peekDue());
        assertEquals(e.item(), q.peekItem());
        assertEquals(e.type(), q.peekType());
        got.add(q.peekUser());
        want.add(e.user());
        q.poll();
      }
      assertEquals(ref.size(), q.size());
    }
    assertEquals(want, got);
  }
}
