package dev.chaosharness.traffic.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.chaosharness.core.traffic.ArrivalSchedule;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.traffic.data.SyntheticOrderGenerator;
import dev.chaosharness.traffic.gatling.RequestLogger.RequestFacts;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Clock;
import java.time.Duration;

/**
 * Read-only browsing at an open-model rate: each arrival reads one order
 * ({@code GET /orders/{id}}) whose id comes from the seed; {@code 200} and {@code 404} (an order
 * that does not exist) both count as answered, anything else as a failure. Writes nothing.
 *
 * <p>The arrivals follow the plan's open-model schedule, served by a fixed pool of
 * {@code maxConnections} workers (virtual users), each looping on one keep-alive connection:
 * take the next arrival, wait until it is due, send it, log it (see {@link ArrivalQueue}). A
 * virtual user per arrival would cost a Gatling session and, whenever the load generator or the
 * system falls behind, a new connection per waiting arrival (thousands per second, until file
 * descriptors run out); the pool keeps the cost per arrival to one request.
 *
 * <p>Configured by {@code traffic.*} system properties (see {@link SimulationSettings}); Gatling
 * creates and runs it on its own threads.
 */
public final class BrowseSimulation extends Simulation {

  /** The scenario's name. */
  public static final String SCENARIO = "browse";

  private final TrafficPlan plan = SimulationSettings.fromProperties(SCENARIO, System.getProperties());
  private final SyntheticOrderGenerator generator = new SyntheticOrderGenerator(plan.seed());
  private final ArrivalSchedule schedule = ArrivalSchedule.of(plan);
  private final ArrivalQueue arrivals = new ArrivalQueue(schedule, Clock.systemUTC());
  private final RequestLogger log = new RequestLogger(
      SimulationSettings.logFile(SCENARIO, System.getProperties()), schedule, Clock.systemUTC());

  /** Builds the scenario from the system properties. */
  public BrowseSimulation() {
    int workers = (int) Math.max(1, Math.min(plan.maxConnections(), arrivals.total()));
    setUp(scenario(SCENARIO).exec(this::take).asLongAs(BrowseSimulation::hasArrival).on(browse())
            .injectOpen(atOnceUsers(workers)))
        .protocols(SyntheticHttp.protocol(plan))
        .assertions(SyntheticHttp.assertions(plan));
  }

  private ChainBuilder browse() {
    return pause(session -> Duration.ofMillis(arrivals.millisUntilDue(session.getLong("n"))))
        .exec(session -> session.set("sent", log.now()))
        .exec(http(SCENARIO).get("/orders/#{orderId}").check(status().saveAs("status"), status().in(200, 404)))
        .exec(session -> {
          int status = SyntheticHttp.status(session);
          long n = session.getLong("n");
          log.write(new RequestFacts(SCENARIO, n, arrivals.dueMillis(n), session.getLong("sent"), status,
              status == 200 || status == 404, null, null, null));
          return take(SyntheticHttp.forget(session));
        });
  }

  private Session take(Session session) {
    long n = arrivals.take();
    return n < 0 ? session.set("n", n) : session.set("n", n).set("orderId", generator.idempotencyKey(n));
  }

  private static boolean hasArrival(Session session) {
    return session.getLong("n") >= 0;
  }

  @Override
  public void after() {
    log.close();
  }
}
