package dev.chaosharness.core.check;

import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.RecordedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates histories in the shape of the sample shop's order saga, for benchmarks and tests:
 * many sagas interleaved, all four paths (completed, declined, out of stock, shipment failed),
 * redelivered copies, and a known number of injected anomalies.
 *
 * <pre>{@code
 * SyntheticSagas.Generated run = SyntheticSagas.generate(1_000_000, 42, 1000);
 * Verdict verdict = SagaChecker.of(SyntheticSagas.sampleSpec()).check(run.history());
 * }</pre>
 *
 * <p>Stateless and thread-safe; the output depends only on the arguments.
 */
public final class SyntheticSagas {

  private static final String[] TOPICS = {"orders.events", "payments.events", "stock.events", "shipping.events"};
  private static final int WINDOW = 64;
  private static final Plan HAPPY = plan("OrderCreated/0/-1 PaymentProcessed/1/0 StockReserved/2/1 ShipmentScheduled/3/2 OrderCompleted/0/3");
  private static final Plan DECLINED = plan("OrderCreated/0/-1 PaymentDeclined/1/0 OrderFailed/0/1");
  private static final Plan INSUFFICIENT = plan("OrderCreated/0/-1 PaymentProcessed/1/0 StockInsufficient/2/1 PaymentRefunded/1/2 OrderFailed/0/2");
  private static final Plan SHIP_FAILED = plan("OrderCreated/0/-1 PaymentProcessed/1/0 StockReserved/2/1 ShipmentFailed/3/2 "
      + "StockReleased/2/3 PaymentRefunded/1/3 OrderFailed/0/3");
  private static final Plan DUPLICATE_EFFECT = plan("OrderCreated/0/-1 PaymentProcessed/1/0 PaymentProcessed/1/0 "
      + "StockReserved/2/1 ShipmentScheduled/3/3 OrderCompleted/0/4");
  private static final Plan NO_REFUND = plan("OrderCreated/0/-1 PaymentProcessed/1/0 StockInsufficient/2/1 OrderFailed/0/2");
  private static final Plan STUCK = plan("OrderCreated/0/-1 PaymentProcessed/1/0 StockReserved/2/1");

  /**
   * A generated history and the anomalies injected into it, by kind.
   *
   * @param history the events
   * @param injected how many anomalies of each kind were injected
   */
  public record Generated(EventHistory history, Map<String, Integer> injected) {}

  private record Step(String type, int topic, int cause) {}

  private record Plan(List<Step> steps) {}

  private SyntheticSagas() {}

  /** Returns the sample shop's saga specification (as in docs/sample-system.md). */
  public static SagaSpec sampleSpec() {
    try (InputStream in = SyntheticSagas.class.getResourceAsStream("sample-saga.yaml")) {
      return SagaSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample-saga.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled sample-saga.yaml: " + e.getMessage(), e);
    }
  }

  /**
   * Generates about {@code events} events (stopping at the first saga boundary past it),
   * injecting one anomaly every {@code anomalyEvery} sagas (0 for none).
   */
  public static Generated generate(int events, long seed, int anomalyEvery) {
    if (events < 0 || anomalyEvery < 0) {
      throw new IllegalArgumentException("events and anomalyEvery must be >= 0, but were " + events + " and " + anomalyEvery);
    }
    return new Generator(events, new SplittableRandom(seed), anomalyEvery).run();
  }

  private static Plan plan(String text) {
    return new Plan(java.util.Arrays.stream(text.split(" ")).map(s -> s.split("/"))
        .map(p -> new Step(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]))).toList());
  }

  private static final class Saga {
    final String orderId;
    final String traceId;
    final Plan plan;
    final int partition;
    final UUID[] ids;
    int next;

    Saga(SplittableRandom random, Plan plan) {
      this.orderId = new UUID(random.nextLong(), random.nextLong()).toString();
      this.traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
      this.plan = plan;
      this.partition = random.nextInt(3);
      this.ids = new UUID[plan.steps().size()];
    }
  }

  private static final class Generator {
    private final int target;
    private final SplittableRandom random;
    private final int anomalyEvery;
    private final EventHistory history;
    private final long[] offsets = new long[TOPICS.length * 3];
    private final Map<String, Integer> injected = new LinkedHashMap<>();
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private int sagas;
    private long tick;

    Generator(int target, SplittableRandom random, int anomalyEvery) {
      this.target = target;
      this.random = random;
      this.anomalyEvery = anomalyEvery;
      this.history = new EventHistory(target + 16);
    }

    Generated run() {
      Saga[] window = new Saga[WINDOW];
      int active = 0;
      while (active > 0 || history.size() < target) {
        if (active < WINDOW && history.size() < target) {
          window[active++] = newSaga();
          continue;
        }
        int slot = random.nextInt(active);
        Saga saga = window[slot];
        emit(saga);
        if (saga.next == saga.plan.steps().size()) {
          window[slot] = window[--active];
        }
      }
      history.trimToSize();
      return new Generated(history, Map.copyOf(injected));
    }

    private Saga newSaga() {
      sagas++;
      if (anomalyEvery > 0 && sagas % anomalyEvery == 0) {
        int kind = sagas / anomalyEvery % 3;
        String name = kind == 0 ? "DUPLICATE_EFFECT" : kind == 1 ? "MISSING_COMPENSATION" : "STUCK";
        injected.merge(name, 1, Integer::sum);
        return new Saga(random, kind == 0 ? DUPLICATE_EFFECT : kind == 1 ? NO_REFUND : STUCK);
      }
      int dice = random.nextInt(100);
      Plan plan = dice < 80 ? HAPPY : dice < 87 ? DECLINED : dice < 94 ? INSUFFICIENT : SHIP_FAILED;
      return new Saga(random, plan);
    }

    private void emit(Saga saga) {
      Step step = saga.plan.steps().get(saga.next);
      UUID id = new UUID(random.nextLong(), random.nextLong());
      saga.ids[saga.next++] = id;
      append(saga, step, id);
      if (random.nextInt(200) == 0) {
        append(saga, step, id); // a redelivered copy: same event id, next offset
      }
    }

    private void append(Saga saga, Step step, UUID id) {
      int position = step.topic() * 3 + saga.partition;
      Instant now = start.plusNanos(200_000L * tick++);
      history.append(new RecordedEvent(TOPICS[step.topic()], saga.partition, offsets[position]++, saga.orderId, id,
          step.type(), saga.orderId, now, step.cause() < 0 ? null : saga.ids[step.cause()], true, saga.traceId,
          now.plusMillis(2)));
    }
  }
}
