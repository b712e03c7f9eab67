package dev.chaosharness.traffic.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.chaosharness.core.traffic.ArrivalSchedule;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.traffic.data.SyntheticOrderGenerator;
import dev.chaosharness.traffic.gatling.RequestLogger.RequestFacts;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Clock;

/**
 * Read-only browsing at an open-model rate: each arrival reads one order
 * ({@code GET /orders/{id}}) whose id comes from the seed; {@code 200} and {@code 404} (an order
 * that does not exist) both count as answered, anything else as a failure. Writes nothing.
 *
 * <p>Configured by {@code traffic.*} system properties (see {@link SimulationSettings}); Gatling
 * creates and runs it on its own threads.
 */
public final class BrowseSimulation extends Simulation {

  /** The scenario's name. */
  public static final String SCENARIO = "browse";

  private final TrafficPlan plan = SimulationSettings.fromProperties(SCENARIO, System.getProperties());
  private final SyntheticOrderGenerator generator = new SyntheticOrderGenerator(plan.seed());
  private final RequestLogger log = new RequestLogger(
      SimulationSettings.logFile(SCENARIO, System.getProperties()), ArrivalSchedule.of(plan), Clock.systemUTC());

  /** Builds the scenario from the system properties. */
  public BrowseSimulation() {
    setUp(scenario(SCENARIO).exec(browse()).injectOpen(SyntheticHttp.injection(plan)))
        .protocols(SyntheticHttp.protocol(plan))
        .assertions(SyntheticHttp.assertions(plan));
  }

  private ChainBuilder browse() {
    return exec(session -> {
          long n = session.userId() - 1;
          long intended = log.intendedMillis(n);
          return session.set("n", n).set("intended", intended).set("sent", log.now())
              .set("orderId", generator.idempotencyKey(n));
        })
        .exec(http(SCENARIO).get("/orders/#{orderId}").check(status().saveAs("status"), status().in(200, 404)))
        .exec(session -> {
          int status = SyntheticHttp.status(session);
          log.write(new RequestFacts(SCENARIO, session.getLong("n"), session.getLong("intended"),
              session.getLong("sent"), status, status == 200 || status == 404, null, null, null));
          return SyntheticHttp.forget(session);
        });
  }

  @Override
  public void after() {
    log.close();
  }
}
