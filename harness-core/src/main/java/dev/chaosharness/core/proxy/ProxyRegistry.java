package dev.chaosharness.core.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The proxies of one server by name. Creation is atomic: a proxy and its toxics, or a whole
 * {@code /populate} batch, either fully apply or leave the registry as it was. Thread-safe: every
 * change holds the registry's lock.
 */
final class ProxyRegistry {

  private final ProxyRuntime runtime;
  private final String defaultHost;
  private final Map<String, TcpProxy> proxies = new TreeMap<>();

  ProxyRegistry(ProxyRuntime runtime, String defaultHost) {
    this.runtime = runtime;
    this.defaultHost = defaultHost;
  }

  synchronized List<TcpProxy> all() {
    return List.copyOf(proxies.values());
  }

  synchronized TcpProxy get(String name) {
    TcpProxy proxy = proxies.get(name);
    if (proxy == null) {
      throw new ApiError(404, "proxy not found: " + name + "; known proxies: " + proxies.keySet());
    }
    return proxy;
  }

  /** Creates one proxy (with optional {@code toxics}); returns it started unless disabled. */
  synchronized TcpProxy create(JsonNode body) {
    Planned plan = plan(ApiJson.object(body, "the proxy"));
    if (proxies.containsKey(plan.proxy.name())) {
      throw ApiError.proxyExists(plan.proxy.name());
    }
    launch(plan);
    proxies.put(plan.proxy.name(), plan.proxy);
    return plan.proxy;
  }

  /** Creates or replaces every proxy of the array, all or nothing. */
  synchronized List<TcpProxy> populate(JsonNode body) {
    if (!(body instanceof ArrayNode array)) {
      throw ApiError.badBody("populate expects a JSON array of proxies, but was " + body);
    }
    List<Planned> plans = new ArrayList<>();
    Map<String, Planned> byName = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      Planned plan = planAt(array.get(i), i);
      if (byName.put(plan.proxy.name(), plan) != null) {
        throw ApiError.proxyExists(plan.proxy.name() + " (listed twice at index " + i + ")");
      }
      plans.add(plan);
    }
    List<TcpProxy> result = new ArrayList<>();
    List<TcpProxy> replaced = new ArrayList<>();
    List<Planned> toLaunch = new ArrayList<>();
    for (Planned plan : plans) {
      TcpProxy existing = proxies.get(plan.proxy.name());
      if (existing != null && existing.upstream().equals(plan.proxy.upstream())
          && sameListen(existing, plan.proxy)) {
        result.add(existing);
      } else {
        if (existing != null) {
          replaced.add(existing);
        }
        toLaunch.add(plan);
      }
    }
    Map<TcpProxy, Boolean> wasEnabled = new LinkedHashMap<>();
    replaced.forEach(proxy -> wasEnabled.put(proxy, proxy.standBy()));
    List<TcpProxy> launched = new ArrayList<>();
    try {
      for (Planned plan : toLaunch) {
        launch(plan);
        launched.add(plan.proxy);
      }
    } catch (ApiError e) {
      launched.forEach(TcpProxy::stop);
      wasEnabled.forEach((proxy, enabled) -> restoreAfterRollback(proxy, enabled, e));
      throw e;
    }
    replaced.forEach(TcpProxy::stop);
    launched.forEach(proxy -> proxies.put(proxy.name(), proxy));
    result.addAll(launched);
    return result;
  }

  /** Puts a replaced proxy back as it was, enabled or disabled with its lease. */
  private void restoreAfterRollback(TcpProxy proxy, boolean enabled, ApiError failure) {
    try {
      proxy.restore(enabled);
    } catch (ApiError e) {
      failure.addSuppressed(e);
      runtime.log().warn("Proxy '{}' could not be restored after a failed populate: {}", proxy.name(), e.getMessage());
    }
  }

  synchronized void remove(String name) {
    get(name).stop();
    proxies.remove(name);
  }

  /** Enables every proxy and removes every toxic, as upstream's {@code POST /reset}. */
  synchronized void reset() {
    for (TcpProxy proxy : proxies.values()) {
      proxy.start();
      proxy.resetToxics();
    }
  }

  synchronized void closeAll() {
    proxies.values().forEach(TcpProxy::stop);
    proxies.clear();
  }

  private boolean sameListen(TcpProxy existing, TcpProxy wanted) {
    return existing.listen().equals(wanted.listen()) || wanted.listen().endsWith(":0");
  }

  private Planned planAt(JsonNode node, int index) {
    try {
      return plan(ApiJson.object(node, "the proxy"));
    } catch (ApiError e) {
      throw new ApiError(e.status(), e.getMessage() + " (proxy at index " + index + ")", e);
    }
  }

  private Planned plan(ObjectNode body) {
    String name = ApiJson.text(body, "name", "");
    if (name.isEmpty()) {
      throw ApiError.missingField("name");
    }
    String upstream = ApiJson.text(body, "upstream", "");
    if (upstream.isEmpty()) {
      throw ApiError.missingField("upstream");
    }
    String listen = ApiJson.text(body, "listen", defaultHost + ":0");
    boolean enabled = ApiJson.bool(body, "enabled", true);
    long disabledTtl = ApiJson.disabledTtl(body, name, enabled).orElse(0);
    TcpProxy proxy = new TcpProxy(name, listen, upstream, runtime);
    List<Toxic> toxics = new ArrayList<>();
    JsonNode toxicsNode = body.get("toxics");
    if (toxicsNode != null && !toxicsNode.isNull()) {
      if (!toxicsNode.isArray()) {
        throw ApiError.badBody("field 'toxics' must be an array, but was " + toxicsNode);
      }
      toxicsNode.forEach(node -> toxics.add(ApiJson.newToxic(node)));
    }
    return new Planned(proxy, toxics, enabled, disabledTtl);
  }

  private static void launch(Planned plan) {
    for (Toxic toxic : plan.toxics) {
      plan.proxy.addToxic(toxic);
    }
    if (plan.enabled) {
      plan.proxy.start();
    } else {
      plan.proxy.leaseDisabled(plan.disabledTtl);
    }
  }

  private record Planned(TcpProxy proxy, List<Toxic> toxics, boolean enabled, long disabledTtl) {}
}
