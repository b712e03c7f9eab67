package dev.chaosharness.core.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Toxiproxy's HTTP API on Netty: routes a request, runs it against the registry and answers
 * JSON. Failures become {@code {"error": ..., "status": N}}; nothing a client sends stops the
 * server. Runs on the single control executor, so requests apply one at a time.
 */
@Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  static final String VERSION = "2.12.0";

  private final ProxyRegistry registry;
  private final ProxyRuntime runtime;

  ApiHandler(ProxyRegistry registry, ProxyRuntime runtime) {
    this.registry = registry;
    this.runtime = runtime;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    Reply reply;
    try {
      reply = route(request);
    } catch (ApiError e) {
      runtime.log().debug("API {} {} failed: {}", request.method(), request.uri(), e.getMessage());
      reply = Reply.json(e.status(), ApiJson.error(e).toString());
    } catch (RuntimeException e) {
      runtime.log().warn("API {} {} failed unexpectedly", request.method(), request.uri(), e);
      reply = Reply.json(500, ApiJson.error(new ApiError(500, String.valueOf(e.getMessage()))).toString());
    }
    send(ctx, request, reply);
  }

  private Reply route(FullHttpRequest request) {
    String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
    if (userAgent.startsWith("Mozilla/")) {
      return new Reply(403, "text/plain; charset=utf-8", "User agent not allowed\n");
    }
    List<String> path = segments(request.uri());
    String method = request.method().name();
    String body = request.content().toString(StandardCharsets.UTF_8);
    if (path.size() > 1 && !path.get(0).equals("proxies")) {
      throw notFound(request.uri());
    }
    return switch (path.size()) {
      case 1 -> root(method, path.get(0), body);
      case 2 -> proxy(method, registry.get(path.get(1)), body);
      case 3 -> toxics(method, path, body);
      case 4 -> toxic(method, path, body);
      default -> throw notFound(request.uri());
    };
  }

  private Reply root(String method, String resource, String body) {
    switch (resource + " " + method) {
      case "version GET":
        return Reply.json(200, "{\"version\": \"" + VERSION + "\", \"server\": \"chaos-harness\"}\n");
      case "metrics GET":
        return new Reply(200, MetricsText.CONTENT_TYPE, MetricsText.render(registry.all()));
      case "proxies GET": {
        ObjectNode all = ApiJson.MAPPER.createObjectNode();
        registry.all().forEach(proxy -> all.set(proxy.name(), ApiJson.proxy(proxy)));
        return Reply.json(200, all.toString());
      }
      case "proxies POST":
        return Reply.json(201, ApiJson.proxy(registry.create(ApiJson.parse(body))).toString());
      case "populate POST": {
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        var array = result.putArray("proxies");
        registry.populate(ApiJson.parse(body)).forEach(proxy -> array.add(ApiJson.proxy(proxy)));
        return Reply.json(201, result.toString());
      }
      case "reset POST":
        registry.reset();
        return Reply.empty();
      default:
        throw notFound("/" + resource);
    }
  }

  private Reply proxy(String method, TcpProxy proxy, String body) {
    switch (method) {
      case "GET":
        return Reply.json(200, ApiJson.proxy(proxy).toString());
      case "POST", "PATCH": {
        ObjectNode input = ApiJson.object(ApiJson.parse(body), "the proxy update");
        boolean enabled = ApiJson.bool(input, "enabled", proxy.enabled());
        OptionalLong disabledTtl = ApiJson.disabledTtl(input, proxy.name(), enabled);
        proxy.update(ApiJson.text(input, "listen", proxy.listen()), ApiJson.text(input, "upstream", proxy.upstream()), enabled);
        disabledTtl.ifPresent(proxy::leaseDisabled);
        return Reply.json(200, ApiJson.proxy(proxy).toString());
      }
      case "DELETE":
        registry.remove(proxy.name());
        return Reply.empty();
      default:
        throw methodNotAllowed(method);
    }
  }

  private Reply toxics(String method, List<String> path, String body) {
    TcpProxy proxy = registry.get(path.get(1));
    if (!path.get(2).equals("toxics")) {
      throw notFound(String.join("/", path));
    }
    switch (method) {
      case "GET":
        return Reply.json(200, ApiJson.toxics(proxy.toxics()).toString());
      case "POST": {
        Toxic toxic = ApiJson.newToxic(ApiJson.parse(body));
        proxy.addToxic(toxic);
        return Reply.json(200, ApiJson.toxic(toxic).toString());
      }
      default:
        throw methodNotAllowed(method);
    }
  }

  private Reply toxic(String method, List<String> path, String body) {
    TcpProxy proxy = registry.get(path.get(1));
    if (!path.get(2).equals("toxics")) {
      throw notFound(String.join("/", path));
    }
    String name = path.get(3);
    switch (method) {
      case "GET":
        return Reply.json(200, ApiJson.toxic(proxy.toxic(name)).toString());
      case "POST", "PATCH": {
        Toxic updated = ApiJson.updatedToxic(proxy.toxic(name), ApiJson.parse(body));
        proxy.replaceToxic(updated);
        return Reply.json(200, ApiJson.toxic(updated).toString());
      }
      case "DELETE":
        proxy.removeToxic(name);
        return Reply.empty();
      default:
        throw methodNotAllowed(method);
    }
  }

  private static List<String> segments(String uri) {
    String path = new QueryStringDecoder(uri).rawPath();
    List<String> result = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        result.add(QueryStringDecoder.decodeComponent(part));
      }
    }
    if (result.isEmpty()) {
      throw notFound(uri);
    }
    return result;
  }

  private static ApiError notFound(String path) {
    return new ApiError(404, "not found: " + path + "; see the Toxiproxy API: /proxies, /populate, /reset, /version, /metrics");
  }

  private static ApiError methodNotAllowed(String method) {
    return new ApiError(405, "method not allowed: " + method);
  }

  private static void send(ChannelHandlerContext ctx, FullHttpRequest request, Reply reply) {
    FullHttpResponse response = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(reply.status),
        Unpooled.copiedBuffer(reply.body, StandardCharsets.UTF_8));
    if (reply.contentType != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType);
    }
    HttpUtil.setContentLength(response, response.content().readableBytes());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private record Reply(int status, String contentType, String body) {
    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }

    static Reply empty() {
      return new Reply(204, null, "");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    runtime.log().debug("API connection failed", cause);
    ctx.close();
  }
}
