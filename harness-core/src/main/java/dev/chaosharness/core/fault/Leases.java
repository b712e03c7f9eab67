package dev.chaosharness.core.fault;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a lease on a {@link LeasedResource} (a toxic's {@code ttl}, a disabled link's
 * {@code disabled_ttl}) and renews it every third of the lease while the fault is injected. A
 * server without leases (a real Toxiproxy) ignores the field and echoes none; the fault then
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

  /** Sets the lease; returns a handle that renews it, or null if the server has no leases. */
  static ScheduledFuture<?> hold(LeasedResource resource, Duration lease) {
    if (!put(resource, lease)) {
      LOG.debug("The Toxiproxy does not lease {}; it lives until reverted", resource.description());
      return null;
    }
    return renew(resource, lease);
  }

  /** Renews a lease already set, every third of the lease, until the handle is cancelled. */
  static ScheduledFuture<?> renew(LeasedResource resource, Duration lease) {
    long period = Math.max(50, lease.toMillis() / 3);
    return RENEWALS.scheduleAtFixedRate(() -> put(resource, lease), period, period, TimeUnit.MILLISECONDS);
  }

  /** Sends {@code {"<field>": <ms>}}; true if the server answered 200 and echoed the lease. */
  static boolean put(LeasedResource resource, Duration lease) {
    try {
      HttpResponse<String> response = send(resource, "{\"" + resource.field() + "\": " + lease.toMillis() + "}");
      if (response.statusCode() != 200) {
        LOG.debug("Lease of {} not renewed: {} {}", resource.description(), response.statusCode(), response.body());
      }
      return leased(resource, response);
    } catch (IOException e) {
      LOG.warn("Could not renew the lease of {} at {}", resource.description(), resource.uri(), e);
      return false;
    }
  }

  /** Sends a JSON body to the resource with its method. */
  static HttpResponse<String> send(LeasedResource resource, String json) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(resource.uri())
        .timeout(Duration.ofSeconds(5))
        .method(resource.method(), HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json")
        .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException(resource.method() + " " + resource.uri() + " interrupted");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  /** True if the answer is a 200 that echoes the lease field, so the server holds the lease. */
  static boolean leased(LeasedResource resource, HttpResponse<String> response) {
    return response.statusCode() == 200 && response.body().contains("\"" + resource.field() + "\"");
  }
}
