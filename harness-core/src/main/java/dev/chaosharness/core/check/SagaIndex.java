package dev.chaosharness.core.check;

import dev.chaosharness.core.history.EventHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every checker needs, computed once in linear time: each event's spec type, its saga
 * key, its causation event (by an open-addressing event id table), whether it is the first
 * copy of its event id, and the events grouped by saga key in history order.
 */
final class SagaIndex {

  final EventHistory history;
  final SagaSpec spec;
  final List<String> types;
  final boolean[] start;
  final boolean[] terminal;
  final boolean[] effectOnce;
  final boolean[][] allowed; // [type][cause type]
  final int[][] compensations;
  private final int[] specType; // by string id, -1 when unknown
  private final boolean byOrderId;
  private final int[] firstCopy; // index of the first event with the same id
  private final int[] cause; // index of the causation event, -1 when absent or missing
  final int[] groupStart; // groups: members[groupStart[g] .. groupStart[g + 1])
  final int[] members;
  private final int[] groupOfString; // by string id, -1 when no group
  private int[] idTable;

  SagaIndex(EventHistory history, SagaSpec spec) {
    this.history = history;
    this.spec = spec;
    this.types = new ArrayList<>(spec.types());
    int n = types.size();
    start = new boolean[n];
    terminal = new boolean[n];
    effectOnce = new boolean[n];
    allowed = new boolean[n][n];
    compensations = new int[n][];
    for (int t = 0; t < n; t++) {
      String type = types.get(t);
      start[t] = spec.start().contains(type);
      terminal[t] = spec.terminal().contains(type);
      effectOnce[t] = spec.effectsOnce().contains(type);
      for (String c : spec.causesOf(type)) {
        allowed[t][types.indexOf(c)] = true;
      }
      compensations[t] = spec.compensationsOf(type).stream().mapToInt(types::indexOf).toArray();
    }
    specType = new int[history.stringCount()];
    Arrays.fill(specType, -1);
    for (int t = 0; t < n; t++) {
      int id = history.stringId(types.get(t));
      if (id >= 0) {
        specType[id] = t;
      }
    }
    byOrderId = spec.keyedByOrderId();
    firstCopy = new int[history.size()];
    cause = new int[history.size()];
    indexEventIds();
    groupOfString = new int[history.stringCount()];
    int[][] groups = group();
    groupStart = groups[0];
    members = groups[1];
  }

  private void indexEventIds() {
    int size = history.size();
    idTable = new int[Integer.highestOneBit(Math.max(2, size) * 2 - 1) << 1];
    for (int i = 0; i < size; i++) {
      firstCopy[i] = insert(i);
    }
    for (int i = 0; i < size; i++) {
      cause[i] = history.hasCausation(i) ? find(history.causationHi(i), history.causationLo(i)) : -1;
    }
  }

  private int insert(int i) {
    long hi = history.eventIdHi(i);
    long lo = history.eventIdLo(i);
    int mask = idTable.length - 1;
    for (int slot = slot(hi, lo) & mask; ; slot = (slot + 1) & mask) {
      int entry = idTable[slot] - 1;
      if (entry < 0) {
        idTable[slot] = i + 1;
        return i;
      }
      if (history.eventIdHi(entry) == hi && history.eventIdLo(entry) == lo) {
        return entry;
      }
    }
  }

  /** Returns the index of the first event with this id, or -1. */
  int find(long hi, long lo) {
    int mask = idTable.length - 1;
    for (int slot = slot(hi, lo) & mask; ; slot = (slot + 1) & mask) {
      int entry = idTable[slot] - 1;
      if (entry < 0) {
        return -1;
      }
      if (history.eventIdHi(entry) == hi && history.eventIdLo(entry) == lo) {
        return entry;
      }
    }
  }

  private static int slot(long hi, long lo) {
    long h = (hi ^ lo) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private int[][] group() {
    Arrays.fill(groupOfString, -1);
    int size = history.size();
    int groups = 0;
    int[] counts = new int[Math.max(16, size / 4)];
    for (int i = 0; i < size; i++) {
      int k = keyId(i);
      if (groupOfString[k] < 0) {
        if (groups == counts.length) {
          counts = Arrays.copyOf(counts, groups * 2);
        }
        groupOfString[k] = groups++;
      }
      counts[groupOfString[k]]++;
    }
    int[] starts = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      starts[g + 1] = starts[g] + counts[g];
    }
    int[] next = Arrays.copyOf(starts, groups);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[next[groupOfString[keyId(i)]]++] = i;
    }
    return new int[][] {starts, order};
  }

  int groups() {
    return groupStart.length - 1;
  }

  /** Returns the group of the saga key {@code key}, or -1 when no event has it. */
  int groupOf(String key) {
    int id = history.stringId(key);
    return id < 0 ? -1 : groupOfString[id];
  }

  /** Returns the group of event {@code i}. */
  int groupOfEvent(int i) {
    return groupOfString[keyId(i)];
  }

  int keyId(int i) {
    return byOrderId ? history.orderIdId(i) : history.keyId(i);
  }

  String key(int i) {
    return history.string(keyId(i));
  }

  int type(int i) {
    return specType[history.typeId(i)];
  }

  boolean firstCopy(int i) {
    return firstCopy[i] == i;
  }

  int firstCopyOf(int i) {
    return firstCopy[i];
  }

  int cause(int i) {
    return cause[i];
  }

  EventRef ref(int i) {
    return EventRef.of(history, i);
  }

  String causesText(int type) {
    return spec.causesOf(types.get(type)).toString();
  }
}
