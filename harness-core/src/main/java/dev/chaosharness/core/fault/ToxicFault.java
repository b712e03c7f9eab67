package dev.chaosharness.core.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network fault: one toxic per direction on a named link, created through the Toxiproxy Java
 * client, so it works against our fault proxy and a real Toxiproxy alike. Every toxic carries a
 * lease where the server supports it. Thread-safe.
 */
public final class ToxicFault implements Fault {

  private static final Logger LOG = LoggerFactory.getLogger(ToxicFault.class);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final ToxicKind kind;
  private final Map<String, Long> attributes;
  private final Set<ToxicDirection> directions;
  private final double toxicity;
  private final String link;
  private final List<Injected> injected = new ArrayList<>();

  private ToxicFault(Builder builder, String link) {
    this.kind = builder.kind;
    this.attributes = Map.copyOf(builder.attributes);
    this.directions = EnumSet.copyOf(builder.directions);
    this.toxicity = builder.toxicity;
    this.link = link;
  }

  @Override
  public synchronized void inject(FaultTarget target) {
    if (!injected.isEmpty()) {
      throw new IllegalStateException(describe() + " is already injected; revert it first");
    }
    URI api = target.toxiproxyUrl();
    Proxy proxy = NetworkFaults.proxy(target, link);
    try {
      for (ToxicDirection direction : directions) {
        String name = "chaos-" + kind.wireName() + "-" + direction.name().toLowerCase(Locale.ROOT)
            + "-" + SEQUENCE.incrementAndGet();
        Toxic toxic = kind.create(proxy.toxics(), name, direction, attributes);
        injected.add(new Injected(toxic, Leases.hold(LeasedResource.toxic(api, link, name), target.lease())));
        if (toxicity < 1.0) {
          toxic.setToxicity((float) toxicity);
        }
      }
    } catch (IOException e) {
      FaultException failure = new FaultException("Could not inject " + describe() + " through the Toxiproxy at "
          + api + ": " + e.getMessage(), e);
      try {
        revert();
      } catch (FaultException revertFailure) {
        failure.addSuppressed(revertFailure);
      }
      throw failure;
    }
    LOG.info("Injected {}", describe());
  }

  @Override
  public synchronized void revert() {
    List<String> failures = new ArrayList<>();
    for (Injected toxic : injected) {
      if (toxic.lease != null) {
        toxic.lease.cancel(false);
      }
      try {
        toxic.toxic.remove();
      } catch (FileNotFoundException e) {
        LOG.warn("Toxic '{}' on '{}' was already gone (its lease expired or it was removed)", toxic.toxic.getName(), link);
      } catch (IOException e) {
        failures.add(toxic.toxic.getName() + ": " + e.getMessage());
      }
    }
    injected.clear();
    if (!failures.isEmpty()) {
      throw new FaultException("Could not revert " + describe() + ": " + failures
          + "; remove the toxics by hand (DELETE /proxies/" + link + "/toxics/<name>) or wait for their lease");
    }
  }

  @Override
  public String describe() {
    return kind.wireName() + " " + attributes(attributes) + " " + directionText()
        + (toxicity < 1.0 ? " toxicity " + toxicity : "") + " on " + link;
  }

  private String directionText() {
    return directions.size() == 2 ? "both directions" : directions.iterator().next().name().toLowerCase(Locale.ROOT);
  }

  private String attributes(Map<String, Long> values) {
    return new java.util.TreeMap<>(values).toString();
  }

  private record Injected(Toxic toxic, ScheduledFuture<?> lease) {}

  /** Builds a {@link ToxicFault}; start from {@link Faults}. Not thread-safe. */
  public static final class Builder {

    private final ToxicKind kind;
    private final Map<String, Long> attributes = new LinkedHashMap<>();
    private Set<ToxicDirection> directions = EnumSet.of(ToxicDirection.DOWNSTREAM);
    private double toxicity = 1.0;

    Builder(ToxicKind kind, Map<String, Long> attributes) {
      this.kind = kind;
      this.attributes.putAll(attributes);
    }

    /** Adds a random ±{@code jitter} to each delay; latency faults only. */
    public Builder withJitter(Duration jitter) {
      if (kind != ToxicKind.LATENCY) {
        throw new IllegalStateException("withJitter applies to latency faults only, but this is a " + kind.wireName() + " fault");
      }
      attributes.put("jitter", Faults.millis("jitter", jitter));
      return this;
    }

    /** Acts on data from the client to the server. */
    public Builder upstream() {
      directions = EnumSet.of(ToxicDirection.UPSTREAM);
      return this;
    }

    /** Acts on data from the server to the client (the default, as Toxiproxy). */
    public Builder downstream() {
      directions = EnumSet.of(ToxicDirection.DOWNSTREAM);
      return this;
    }

    /** Acts on both directions (one toxic each). */
    public Builder bothDirections() {
      directions = EnumSet.allOf(ToxicDirection.class);
      return this;
    }

    /** Applies the fault to this fraction of connections (default 1.0). */
    public Builder withToxicity(double toxicity) {
      if (!(toxicity >= 0.0 && toxicity <= 1.0)) {
        throw new IllegalArgumentException("toxicity must be within [0.0, 1.0], but was " + toxicity);
      }
      this.toxicity = toxicity;
      return this;
    }

    /** Returns the fault on the named link, for example {@code payment->provider}. */
    public ToxicFault on(String link) {
      Objects.requireNonNull(link, "link");
      return new ToxicFault(this, link);
    }
  }
}
