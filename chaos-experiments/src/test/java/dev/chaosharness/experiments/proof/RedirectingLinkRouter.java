package dev.chaosharness.experiments.proof;

import dev.chaosharness.core.env.LinkRouter;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Opens the named links towards another upstream than the environment asks for (a stub in place
 * of a dependency), and every other link as the wrapped router does. A retarget of a redirected
 * link keeps the stub. Thread-safe as the wrapped router.
 */
final class RedirectingLinkRouter implements LinkRouter {

  private final LinkRouter delegate;
  private final Map<String, InetSocketAddress> upstreamByLink;

  RedirectingLinkRouter(LinkRouter delegate, Map<String, InetSocketAddress> upstreamByLink) {
    this.delegate = delegate;
    this.upstreamByLink = Map.copyOf(upstreamByLink);
  }

  @Override
  public InetSocketAddress open(String name, InetSocketAddress upstream) {
    return delegate.open(name, upstreamByLink.getOrDefault(name, upstream));
  }

  @Override
  public void retarget(String name, InetSocketAddress upstream) {
    delegate.retarget(name, upstreamByLink.getOrDefault(name, upstream));
  }

  @Override
  public void close() {
    delegate.close();
  }
}
