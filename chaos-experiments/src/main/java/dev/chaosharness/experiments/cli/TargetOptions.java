package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.target.InvalidFileException;
import dev.chaosharness.core.target.TargetDescription;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say which system traffic goes to: a target file (its {@code order}
 * service's base URL and its {@code production} flag), or a base URL ({@code --production}
 * marks it production). Picocli fills the fields; not thread-safe.
 */
final class TargetOptions {

  @Option(names = "--target", paramLabel = "FILE", description = "Target file (YAML): service base URLs and the production flag.")
  Path target;

  @Option(names = "--base-url", paramLabel = "URL", description = "Base URL of the order API, e.g. http://127.0.0.1:8080 (instead of --target).")
  String baseUrl;

  @Option(names = "--production", description = "With --base-url: the system is production (guard rails apply).")
  boolean production;

  /** The resolved target: where traffic goes and whether it is production. */
  record Resolved(URI baseUrl, boolean production) {}

  Resolved resolve() {
    if (target != null && baseUrl != null) {
      throw new UserError("Give either --target FILE or --base-url URL, not both");
    }
    if (target != null) {
      return fromFile();
    }
    if (baseUrl == null) {
      throw new UserError("Missing the system to send traffic to: pass --base-url URL (or --target FILE)");
    }
    URI uri;
    try {
      uri = URI.create(baseUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new UserError("--base-url '" + baseUrl + "' is not a URL; write it like http://127.0.0.1:8080", e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new UserError("--base-url must be http:// or https:// with a host, but was '" + baseUrl + "'");
    }
    return new Resolved(uri, production);
  }

  private Resolved fromFile() {
    TargetDescription description;
    try {
      description = TargetDescription.read(target);
    } catch (InvalidFileException e) {
      throw new UserError(e.getMessage(), e);
    }
    TargetDescription.Service order;
    try {
      order = description.service(ORDER_SERVICE);
    } catch (IllegalArgumentException e) {
      throw new UserError(target + ": traffic needs the order API; " + e.getMessage(), e);
    }
    return new Resolved(URI.create(order.baseUrl()), production || description.production());
  }

  /** The service whose API the scenarios call. */
  static final String ORDER_SERVICE = "order";
}
