package dev.chaosharness.core.env;

import dev.chaosharness.core.target.TargetDescription;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps the environment's router and remembers every link it opened, with its listen and
 * upstream addresses, for the target description. Thread-safe.
 */
final class RecordingLinkRouter implements LinkRouter {

  private final LinkRouter delegate;
  private final Map<String, TargetDescription.Link> links = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();

  RecordingLinkRouter(LinkRouter delegate) {
    this.delegate = delegate;
  }

  @Override
  public InetSocketAddress open(String name, InetSocketAddress upstream) {
    InetSocketAddress listen = delegate.open(name, upstream);
    links.put(name, new TargetDescription.Link(name, Ports.hostPort(listen),
        Ports.hostPort(upstream)));
    synchronized (order) {
      order.add(name);
    }
    return listen;
  }

  @Override
  public void retarget(String name, InetSocketAddress upstream) {
    delegate.retarget(name, upstream);
    links.computeIfPresent(name, (key, link) ->
        new TargetDescription.Link(name, link.listen(), Ports.hostPort(upstream)));
  }

  /** The links opened so far, in opening order. */
  List<TargetDescription.Link> links() {
    synchronized (order) {
      return order.stream().map(links::get).toList();
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
