package dev.chaosharness.core.env;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Ready when the broker answers a {@code DescribeCluster} request with at least one node; keeps
 * one admin client for the broker's lifetime (it reconnects after restarts).
 *
 * <p>Thread-safe.
 */
final class KafkaReadinessProbe implements ReadinessProbe, AutoCloseable {

  private final String bootstrap;
  private final ReadinessProbe tcp;
  private Admin admin;

  KafkaReadinessProbe(InetSocketAddress address) {
    this.bootstrap = Ports.hostPort(address);
    this.tcp = ReadinessProbe.tcp(address);
  }

  @Override
  public Result probe() {
    Result listening = tcp.probe(); // no admin client (and its warnings) before the port opens
    if (!listening.ready()) {
      return listening;
    }
    try {
      int nodes = admin().describeCluster().nodes().get(1, TimeUnit.SECONDS).size();
      return nodes > 0
          ? Result.ready("DescribeCluster on " + bootstrap + " returned " + nodes + " node(s)")
          : Result.notReady("DescribeCluster on " + bootstrap + " returned no node");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Result.notReady("DescribeCluster on " + bootstrap + " failed: " + e);
    }
  }

  synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(Map.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
          AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
          AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200));
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(java.time.Duration.ofSeconds(2));
      admin = null;
    }
  }
}
