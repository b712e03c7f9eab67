package dev.chaosharness.sample.kit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.opentelemetry.api.trace.SpanKind;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a service's HTTP routes, each timed ({@code http_server_requests_seconds}), traced
 * (W3C {@code traceparent} from the request) and with {@link ApiError} rendered as JSON.
 *
 * <p>Used only while the server is configured, on one thread.
 */
public final class HttpRoutes {

  private static final Logger log = LoggerFactory.getLogger(HttpRoutes.class);

  private final RoutesConfig routes;
  private final ServiceKit kit;

  HttpRoutes(RoutesConfig routes, ServiceKit kit) {
    this.routes = routes;
    this.kit = kit;
  }

  /**
   * Adds a GET route.
   *
   * @param path the path template, e.g. {@code /orders/{orderId}}
   * @param handler the handler
   * @return this
   */
  public HttpRoutes get(String path, Handler handler) {
    routes.get(path, wrap("GET", path, handler));
    return this;
  }

  /**
   * Adds a POST route.
   *
   * @param path the path template
   * @param handler the handler
   * @return this
   */
  public HttpRoutes post(String path, Handler handler) {
    routes.post(path, wrap("POST", path, handler));
    return this;
  }

  private Handler wrap(String method, String path, Handler handler) {
    return ctx -> {
      long start = System.nanoTime();
      try (Tracing.SpanScope span = kit.tracing().start(method + " " + path, SpanKind.SERVER,
          kit.tracing().extract(headers(ctx)))) {
        try {
          handler.handle(ctx);
        } catch (ApiError e) {
          error(ctx, e.status(), e.field(), e.getMessage());
        } catch (Exception e) {
          if (InboxConsumer.isTransient(e)) {
            log.warn("{} {} hit an infrastructure failure; answering 503", method, ctx.path(), e);
            error(ctx, 503, null, "temporarily unavailable, retry later: " + e.getMessage());
          } else {
            log.error("{} {} failed", method, ctx.path(), e);
            error(ctx, 500, null, "internal error: " + e.getMessage());
          }
        }
      } finally {
        kit.metrics().httpTimer(method, path, ctx.statusCode()).record(System.nanoTime() - start,
            java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    };
  }

  private static Map<String, String> headers(Context ctx) {
    Map<String, String> headers = new HashMap<>();
    String traceparent = ctx.header("traceparent");
    if (traceparent != null) {
      headers.put("traceparent", traceparent);
    }
    return headers;
  }

  /**
   * Writes a JSON error body.
   *
   * @param ctx the request
   * @param status the status
   * @param field the offending field, or null
   * @param message the message
   */
  public static void error(Context ctx, int status, String field, String message) {
    var body = EventCodec.JSON.createObjectNode().put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    json(ctx, status, body.toString());
  }

  /**
   * Writes a JSON body.
   *
   * @param ctx the request
   * @param status the status
   * @param json the body
   */
  public static void json(Context ctx, int status, String json) {
    ctx.status(status).contentType("application/json").result(json);
  }
}
