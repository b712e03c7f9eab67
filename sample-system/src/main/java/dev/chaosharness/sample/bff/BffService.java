package dev.chaosharness.sample.bff;

import dev.chaosharness.sample.kit.ApiError;
import dev.chaosharness.sample.kit.EventHandler;
import dev.chaosharness.sample.kit.HttpRoutes;
import dev.chaosharness.sample.kit.SampleService;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Topics;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backend for frontends: {@code GET /web/orders/{orderId}} (full view) and
 * {@code GET /mobile/orders/{orderId}} (compact), both read from the service's own order view,
 * which {@link OrderViewProjector} builds from the four saga topics (CQRS).
 *
 * <p>Thread-safe.
 */
public final class BffService implements SampleService {

  private final ServiceKit kit;
  private final OrderViewProjector projector;

  /**
   * Creates the service.
   *
   * @param kit the started kit
   */
  public BffService(ServiceKit kit) {
    this.kit = kit;
    this.projector = new OrderViewProjector(kit.clock());
  }

  @Override
  public Set<String> topics() {
    return Set.copyOf(Topics.ALL);
  }

  @Override
  public Map<String, EventHandler> handlers() {
    Map<String, EventHandler> handlers = new HashMap<>();
    for (String type : OrderViewProjector.TYPES) {
      handlers.put(type, projector::apply);
    }
    return handlers;
  }

  @Override
  public void routes(HttpRoutes routes) {
    routes.get("/web/orders/{orderId}", ctx -> HttpRoutes.json(ctx, 200, view(ctx).toWebJson()));
    routes.get("/mobile/orders/{orderId}", ctx -> HttpRoutes.json(ctx, 200, view(ctx).toMobileJson()));
  }

  private OrderView view(Context ctx) throws Exception {
    String orderId = ctx.pathParam("orderId");
    try {
      java.util.UUID.fromString(orderId);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "orderId", "orderId must be a UUID, but was '" + orderId + "'");
    }
    Optional<OrderView> view = kit.database().inTransaction(c -> OrderView.find(c, orderId));
    return view.orElseThrow(() -> new ApiError(404, "orderId", "order " + orderId
        + " is not in the view (yet); the view follows the event stream"));
  }
}
