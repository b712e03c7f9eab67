package dev.chaosharness.core.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Looks up a link on the Toxiproxy API with an error that lists the known links. */
final class NetworkFaults {

  private NetworkFaults() {}

  static Proxy proxy(FaultTarget target, String link) {
    ToxiproxyClient client = target.toxiproxyClient();
    try {
      Proxy proxy = client.getProxyOrNull(link);
      if (proxy == null) {
        List<String> known = new ArrayList<>();
        for (Proxy each : client.getProxies()) {
          known.add(each.getName());
        }
        throw new FaultException("Link '" + link + "' does not exist on the Toxiproxy at " + target.toxiproxyUrl()
            + "; known links: " + known.stream().sorted().toList());
      }
      return proxy;
    } catch (IOException e) {
      throw new FaultException("Could not reach the Toxiproxy at " + target.toxiproxyUrl() + " to find link '" + link
          + "': " + e.getMessage() + "; is the fault proxy running?", e);
    }
  }
}
