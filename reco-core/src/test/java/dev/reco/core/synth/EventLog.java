package dev.reco.core.synth;

import java.util.Arrays;

/** Test helper: the events of one stream, recorded into primitive columns. */
final class EventLog implements EventSink {
  int size;
  int[] user = new int[1024];
  int[] item = new int[1024];
  long[] time = new long[1024];
  EventType[] type = new EventType[1024];
  float[] value = new float[1024];

  static EventLog of(SyntheticData data) {
    EventLog log = new EventLog();
    data.forEach(log);
    return log;
  }

  @Override
  public void accept(int u, int i, long epochMillis, EventType t, float v) {
    if (size == user.length) {
      int capacity = size * 2;
      user = Arrays.copyOf(user, capacity);
      item = Arrays.copyOf(item, capacity);
      time = Arrays.copyOf(time, capacity);
      type = Arrays.copyOf(type, capacity);
      value = Arrays.copyOf(value, capacity);
    }
    user[size] = u;
    item[size] = i;
    time[size] = epochMillis;
    type[size] = t;
    value[size] = v;
    size++;
  }

  int count(EventType t) {
    int n = 0;
    for (int k = 0; k < size; k++) {
      if (type[k] == t) {
        n++;
      }
    }
    return n;
  }

  boolean sameAs(EventLog o) {
    return size == o.size
        && Arrays.equals(user, 0, size, o.user, 0, size)
        && Arrays.equals(item, 0, size, o.item, 0, size)
        && Arrays.equals(time, 0, size, o.time, 0, size)
        && Arrays.equals(type, 0, size, o.type, 0, size)
        && Arrays.equals(value, 0, size, o.value, 0, size);
  }

  long[] times() {
    return Arrays.copyOf(time, size);
  }
}
