package dev.chaosharness.core.proxy;

import java.util.List;

/** Renders per-proxy metrics in the Prometheus text exposition format (version 0.0.4). */
final class MetricsText {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsText() {}

  static String render(List<TcpProxy> proxies) {
    StringBuilder out = new StringBuilder(512);
    family(out, "chaosproxy_connections_total", "counter", "Connections accepted by the proxy.");
    proxies.forEach(p -> sample(out, "chaosproxy_connections_total", p, null, p.metrics().connectionsTotal.sum()));
    family(out, "chaosproxy_connections_active", "gauge", "Connections open through the proxy.");
    proxies.forEach(p -> sample(out, "chaosproxy_connections_active", p, null, p.metrics().connectionsActive.get()));
    family(out, "chaosproxy_bytes_total", "counter", "Bytes received by the proxy, per direction.");
    for (TcpProxy p : proxies) {
      sample(out, "chaosproxy_bytes_total", p, "upstream", p.metrics().upstreamBytes.sum());
      sample(out, "chaosproxy_bytes_total", p, "downstream", p.metrics().downstreamBytes.sum());
    }
    family(out, "chaosproxy_toxics_active", "gauge", "Toxics installed on the proxy.");
    proxies.forEach(p -> sample(out, "chaosproxy_toxics_active", p, null, p.toxics().size()));
    family(out, "chaosproxy_enabled", "gauge", "1 when the proxy accepts connections, else 0.");
    proxies.forEach(p -> sample(out, "chaosproxy_enabled", p, null, p.enabled() ? 1 : 0));
    return out.toString();
  }

  private static void family(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, TcpProxy proxy, String direction, long value) {
    out.append(name).append("{proxy=\"").append(escape(proxy.name())).append('"');
    if (direction != null) {
      out.append(",direction=\"").append(direction).append('"');
    }
    out.append("} ").append(value).append('\n');
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
