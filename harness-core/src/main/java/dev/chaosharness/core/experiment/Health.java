package dev.chaosharness.core.experiment;

import dev.chaosharness.core.target.TargetDescription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The environment phase: every service of the target answers 200 on its health endpoint. */
final class Health {

  private final HttpClient client;

  Health(HttpClient client) {
    this.client = client;
  }

  void check(TargetDescription target, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (TargetDescription.Service service : target.services()) {
      if (service.healthUrl() == null) {
        continue;
      }
      String last = "no answer yet";
      while (true) {
        try {
          HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(service.healthUrl()))
              .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() == 200) {
            break;
          }
          last = "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
          last = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("service '" + service.name() + "' did not answer 200 on "
              + service.healthUrl() + " within " + DurationText.format(timeout) + "; last: " + last);
        }
        RunControl.sleep(Duration.ofMillis(250));
      }
    }
  }
}
