package dev.chaosharness.traffic.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.chaosharness.core.traffic.ArrivalSchedule;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.traffic.data.SyntheticOrder;
import dev.chaosharness.traffic.data.SyntheticOrderGenerator;
import dev.chaosharness.traffic.gatling.RequestLogger.RequestFacts;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Clock;
import java.time.Duration;

/**
 * Places seeded synthetic orders ({@code POST /orders}) at an open-model rate, then polls each
 * accepted order ({@code GET /orders/{id}}) until it is {@code COMPLETED} or {@code FAILED}. The
 * wait between polls starts at the plan's poll interval and doubles after each poll up to
 * {@value #POLL_BACKOFF_LIMIT} times it, so orders held up by a fault do not flood the system
 * with polls while it recovers.
 *
 * <p>Configured by {@code traffic.*} system properties (see {@link SimulationSettings}); Gatling
 * creates and runs it on its own threads.
 */
public final class PlaceOrderSimulation extends Simulation {

  /** The scenario's name. */
  public static final String SCENARIO = "place-order";

  /** The longest wait between polls, as a multiple of the poll interval. */
  public static final int POLL_BACKOFF_LIMIT = 8;

  private final TrafficPlan plan = SimulationSettings.fromProperties(SCENARIO, System.getProperties());
  private final SyntheticOrderGenerator generator = new SyntheticOrderGenerator(plan.seed());
  private final RequestLogger log = new RequestLogger(
      SimulationSettings.logFile(SCENARIO, System.getProperties()), ArrivalSchedule.of(plan), Clock.systemUTC());

  /** Builds the scenario from the system properties. */
  public PlaceOrderSimulation() {
    setUp(scenario(SCENARIO).exec(place(), poll()).injectOpen(SyntheticHttp.injection(plan)))
        .protocols(SyntheticHttp.protocol(plan))
        .assertions(SyntheticHttp.assertions(plan));
  }

  private ChainBuilder place() {
    return exec(session -> {
          long n = session.userId() - 1;
          SyntheticOrder order = generator.order(n);
          long intended = log.intendedMillis(n);
          return session.set("n", n).set("intended", intended).set("sent", log.now())
              .set("key", order.idempotencyKey()).set("body", order.toJson()).set("path", order.path().name());
        })
        .exec(http(SCENARIO).post("/orders")
            .header("Idempotency-Key", "#{key}")
            .header("Content-Type", "application/json")
            .body(StringBody("#{body}"))
            .check(status().saveAs("status"), jsonPath("$.orderId").optional().saveAs("orderId"),
                status().in(200, 201)))
        .exec(session -> {
          int status = SyntheticHttp.status(session);
          log.write(new RequestFacts(SCENARIO, session.getLong("n"), session.getLong("intended"),
              session.getLong("sent"), status, status == 200 || status == 201,
              session.getString("orderId"), null, session.getString("path")));
          long deadline = log.now() + plan.pollTimeout().toMillis();
          return SyntheticHttp.forget(session).set("deadline", deadline).set("wait", plan.pollInterval().toMillis());
        });
  }

  private ChainBuilder poll() {
    return asLongAs(this::keepPolling).on(
        pause(session -> Duration.ofMillis(session.getLong("wait")))
            .exec(session -> session.set("sent", log.now()).set("wait", nextWait(session.getLong("wait"))))
            .exec(http("get-order").get("/orders/#{orderId}")
                .check(status().saveAs("status"), jsonPath("$.status").optional().saveAs("orderStatus"),
                    status().is(200)))
            .exec(session -> {
              int status = SyntheticHttp.status(session);
              long sent = session.getLong("sent");
              log.write(new RequestFacts("get-order", session.getLong("n"), sent, sent, status, status == 200,
                  session.getString("orderId"), session.getString("orderStatus"), null));
              return SyntheticHttp.forget(session).set("lastStatus", String.valueOf(session.getString("orderStatus")));
            }));
  }

  private long nextWait(long wait) {
    return Math.min(wait * 2, plan.pollInterval().toMillis() * POLL_BACKOFF_LIMIT);
  }

  private boolean keepPolling(Session session) {
    if (!session.contains("orderId")) {
      return false;
    }
    String last = session.contains("lastStatus") ? session.getString("lastStatus") : "PENDING";
    boolean terminal = "COMPLETED".equals(last) || "FAILED".equals(last);
    return !terminal && log.now() < session.getLong("deadline");
  }

  @Override
  public void after() {
    log.close();
  }
}
