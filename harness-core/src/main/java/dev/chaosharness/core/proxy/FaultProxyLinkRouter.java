package dev.chaosharness.core.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.core.env.LinkRouter;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Opens each link as a proxy named after the link on a {@link FaultProxy}, so network faults can
 * act on it by name through the Toxiproxy API.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(FaultProxyConfig.ofDefaults());
 *     LinkRouter router = FaultProxyLinkRouter.of(proxy)) {
 *   InetSocketAddress address = router.open("payment->provider", providerAddress);
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} deletes the proxies this router opened (not the fault proxy
 * itself) and is idempotent.
 */
public final class FaultProxyLinkRouter implements LinkRouter {

  private final FaultProxy proxy;
  private final Set<String> opened = new LinkedHashSet<>();

  private FaultProxyLinkRouter(FaultProxy proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
  }

  /** Returns a router that opens links on {@code proxy}. */
  public static FaultProxyLinkRouter of(FaultProxy proxy) {
    return new FaultProxyLinkRouter(proxy);
  }

  @Override
  public synchronized InetSocketAddress open(String name, InetSocketAddress upstream) {
    ObjectNode body = ApiJson.MAPPER.createObjectNode()
        .put("name", name)
        .put("listen", "127.0.0.1:0")
        .put("upstream", hostPort(upstream));
    TcpProxy created;
    try {
      created = proxy.registry().create(body);
    } catch (ApiError e) {
      if (e.status() == 409 && e.getMessage().startsWith("proxy already exists")) {
        throw new IllegalArgumentException("Link '" + name + "' is already open on the fault proxy; "
            + "close it first or pick another name", e);
      }
      throw new IllegalStateException("Link '" + name + "' could not be opened: " + e.getMessage(), e);
    }
    opened.add(name);
    return listenAddress(created);
  }

  @Override
  public synchronized void retarget(String name, InetSocketAddress upstream) {
    TcpProxy link;
    try {
      link = proxy.registry().get(name);
    } catch (ApiError e) {
      throw new IllegalArgumentException("Link '" + name + "' is not open; open links: " + opened, e);
    }
    link.retarget(hostPort(upstream));
  }

  @Override
  public synchronized void close() {
    for (String name : opened) {
      try {
        proxy.registry().remove(name);
      } catch (ApiError e) {
        // already removed through the API
      }
    }
    opened.clear();
  }

  private static String hostPort(InetSocketAddress address) {
    return Address.format(address);
  }

  private static InetSocketAddress listenAddress(TcpProxy created) {
    InetSocketAddress parsed = Address.parse("listen", created.listen());
    return new InetSocketAddress(parsed.getHostString(), parsed.getPort());
  }
}
