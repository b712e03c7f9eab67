package dev.chaosharness.core.fault;

import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a link down: the proxy refuses new connections and cuts open ones; revert brings it back.
 * Thread-safe.
 */
public final class LinkDownFault implements Fault {

  private static final Logger LOG = LoggerFactory.getLogger(LinkDownFault.class);

  private final String link;
  private Proxy proxy;

  LinkDownFault(String link) {
    this.link = link;
  }

  @Override
  public synchronized void inject(FaultTarget target) {
    if (proxy != null) {
      throw new IllegalStateException(describe() + " is already injected; revert it first");
    }
    Proxy found = NetworkFaults.proxy(target, link);
    try {
      found.disable();
    } catch (IOException e) {
      throw new FaultException("Could not take link '" + link + "' down: " + e.getMessage(), e);
    }
    proxy = found;
    LOG.info("Injected {}", describe());
  }

  @Override
  public synchronized void revert() {
    if (proxy == null) {
      return;
    }
    try {
      proxy.enable();
      proxy = null;
    } catch (IOException e) {
      throw new FaultException("Could not bring link '" + link + "' back up: " + e.getMessage()
          + "; enable it by hand (POST /proxies/" + link + " {\"enabled\": true})", e);
    }
  }

  @Override
  public String describe() {
    return "link down on " + link;
  }
}
