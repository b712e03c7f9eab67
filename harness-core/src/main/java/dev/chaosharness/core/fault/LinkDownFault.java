package dev.chaosharness.core.fault;

import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a link down: the proxy refuses new connections and cuts open ones; revert brings it back.
 * The link is disabled and leased in one request ({@code {"enabled": false, "disabled_ttl": ms}})
 * and the lease is renewed while injected, so a harness killed outright leaves the link down no
 * longer than the lease. A real Toxiproxy ignores the lease; the link then stays down until
 * reverted. Thread-safe.
 */
public final class LinkDownFault implements Fault {

  private static final Logger LOG = LoggerFactory.getLogger(LinkDownFault.class);

  private final String link;
  private Proxy proxy;
  private ScheduledFuture<?> renewal;

  LinkDownFault(String link) {
    this.link = link;
  }

  @Override
  public synchronized void inject(FaultTarget target) {
    if (proxy != null) {
      throw new IllegalStateException(describe() + " is already injected; revert it first");
    }
    Proxy found = NetworkFaults.proxy(target, link);
    LeasedResource resource = LeasedResource.disabledLink(target.toxiproxyUrl(), link);
    HttpResponse<String> response;
    try {
      response = Leases.send(resource,
          "{\"enabled\": false, \"" + resource.field() + "\": " + target.lease().toMillis() + "}");
    } catch (IOException e) {
      throw new FaultException("Could not take link '" + link + "' down through the Toxiproxy at "
          + target.toxiproxyUrl() + ": " + e.getMessage(), e);
    }
    if (response.statusCode() != 200) {
      throw new FaultException("Could not take link '" + link + "' down: the Toxiproxy at " + target.toxiproxyUrl()
          + " answered " + response.statusCode() + " " + response.body());
    }
    if (Leases.leased(resource, response)) {
      renewal = Leases.renew(resource, target.lease());
    } else {
      LOG.debug("The Toxiproxy at {} does not lease a disabled link; '{}' stays down until reverted",
          target.toxiproxyUrl(), link);
    }
    proxy = found;
    LOG.info("Injected {}", describe());
  }

  @Override
  public synchronized void revert() {
    if (proxy == null) {
      return;
    }
    if (renewal != null) {
      renewal.cancel(false);
      renewal = null;
    }
    try {
      proxy.enable();
      proxy = null;
    } catch (IOException e) {
      throw new FaultException("Could not bring link '" + link + "' back up: " + e.getMessage()
          + "; enable it by hand (POST /proxies/" + link + " {\"enabled\": true}) or wait for its lease", e);
    }
  }

  @Override
  public String describe() {
    return "link down on " + link;
  }
}
