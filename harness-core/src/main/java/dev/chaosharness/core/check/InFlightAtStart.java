package dev.chaosharness.core.check;

import dev.chaosharness.core.history.EventHistory;
import java.util.Set;

/**
 * The sagas a capture joined midway: keys with no start event in the history that are not
 * accepted orders. A capture from the topics' end of a running system sees the late events of
 * sagas started before it, whose causes it never saw.
 *
 * @param sagas how many sagas were already running
 * @param rest the history without their events, in the original order
 */
record InFlightAtStart(int sagas, EventHistory rest) {

  static InFlightAtStart split(SagaIndex index, Set<String> accepted) {
    EventHistory history = index.history;
    boolean[] skip = new boolean[index.groups()];
    int sagas = 0;
    for (int g = 0; g < skip.length; g++) {
      int first = index.members[index.groupStart[g]];
      skip[g] = !hasStart(index, g) && !accepted.contains(index.key(first));
      sagas += skip[g] ? 1 : 0;
    }
    if (sagas == 0) {
      return new InFlightAtStart(0, history);
    }
    EventHistory rest = new EventHistory(history.size());
    for (int i = 0; i < history.size(); i++) {
      if (!skip[index.groupOfEvent(i)]) {
        rest.append(history.get(i));
      }
    }
    rest.trimToSize();
    return new InFlightAtStart(sagas, rest);
  }

  private static boolean hasStart(SagaIndex index, int g) {
    for (int m = index.groupStart[g]; m < index.groupStart[g + 1]; m++) {
      int type = index.type(index.members[m]);
      if (type >= 0 && index.start[type]) {
        return true;
      }
    }
    return false;
  }
}
