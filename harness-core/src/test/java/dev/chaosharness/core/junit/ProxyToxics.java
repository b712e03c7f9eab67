package dev.chaosharness.core.junit;

import dev.chaosharness.core.proxy.FaultProxy;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads every toxic of a fault proxy through its Toxiproxy API, as {@code link/toxic} names. */
final class ProxyToxics {

  private ProxyToxics() {}

  static List<String> of(FaultProxy proxy) {
    ToxiproxyClient client = new ToxiproxyClient(proxy.apiUrl().getHost(), proxy.apiUrl().getPort());
    List<String> toxics = new ArrayList<>();
    try {
      for (Proxy link : client.getProxies()) {
        for (Toxic toxic : link.toxics().getAll()) {
          toxics.add(link.getName() + "/" + toxic.getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return toxics;
  }
}
