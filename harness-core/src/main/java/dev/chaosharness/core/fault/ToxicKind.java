package dev.chaosharness.core.fault;

import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.util.Map;

/** Creates each toxic type through the Toxiproxy Java client's typed methods. */
enum ToxicKind {
  LATENCY {
    @Override
    Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> a) throws IOException {
      return toxics.latency(name, direction, a.get("latency")).setJitter(a.getOrDefault("jitter", 0L));
    }
  },
  BANDWIDTH {
    @Override
    Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> a) throws IOException {
      return toxics.bandwidth(name, direction, a.get("rate"));
    }
  },
  SLOW_CLOSE {
    @Override
    Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> a) throws IOException {
      return toxics.slowClose(name, direction, a.get("delay"));
    }
  },
  TIMEOUT {
    @Override
    Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> a) throws IOException {
      return toxics.timeout(name, direction, a.get("timeout"));
    }
  },
  RESET_PEER {
    @Override
    Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> a) throws IOException {
      return toxics.resetPeer(name, direction, a.get("timeout"));
    }
  },
  SLICER {
    @Override
    Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> a) throws IOException {
      return toxics.slicer(name, direction, a.get("average_size"), a.get("delay"))
          .setSizeVariation(a.getOrDefault("size_variation", 0L));
    }
  },
  LIMIT_DATA {
    @Override
    Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> a) throws IOException {
      return toxics.limitData(name, direction, a.get("bytes"));
    }
  };

  abstract Toxic create(ToxicList toxics, String name, ToxicDirection direction, Map<String, Long> attributes)
      throws IOException;

  String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
