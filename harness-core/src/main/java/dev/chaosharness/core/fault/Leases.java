package dev.chaosharness.core.fault;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a lease ({@code ttl}, our fault proxy's extension) on a toxic and renews it while the fault
 * is injected; a server without leases (a real Toxiproxy) ignores the field, and the toxic then
 * lives until reverted. Thread-safe.
 */
final class Leases {

  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "fault-lease-renewal");
    thread.setDaemon(true);
    return thread;
  });

  private Leases() {}

  /** Sets the lease; returns a handle that renews it every third of the lease, or null if unsupported. */
  static ScheduledFuture<?> hold(URI api, String proxy, String toxic, Duration lease) {
    if (!put(api, proxy, toxic, lease)) {
      LOG.debug("Toxiproxy at {} does not support leases; toxic '{}' on '{}' lives until reverted", api, toxic, proxy);
      return null;
    }
    long period = Math.max(50, lease.toMillis() / 3);
    return RENEWALS.scheduleAtFixedRate(() -> put(api, proxy, toxic, lease), period, period, TimeUnit.MILLISECONDS);
  }

  static boolean put(URI api, String proxy, String toxic, Duration lease) {
    URI uri = api.resolve("/proxies/" + segment(proxy) + "/toxics/" + segment(toxic));
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(5))
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"ttl\": " + lease.toMillis() + "}"))
        .header("Content-Type", "application/json")
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"ttl\"");
    } catch (java.io.IOException e) {
      LOG.warn("Could not renew the lease of toxic '{}' on '{}' at {}", toxic, proxy, api, e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
