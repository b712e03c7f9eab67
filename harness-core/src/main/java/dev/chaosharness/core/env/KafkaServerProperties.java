package dev.chaosharness.core.env;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the {@code server.properties} of a single-node KRaft broker (broker and controller in
 * one process) with a controller listener, a direct listener, and one listener per proxied link.
 *
 * <p>Why one listener per link: a Kafka client bootstraps once and then connects to the
 * addresses the broker advertises in its metadata. Each listener advertises exactly one address,
 * so a client that reached the broker through the proxy link {@code order->kafka} must have
 * connected to a listener whose advertised address is that link's proxy address; otherwise its
 * second connection would bypass the proxy. With one listener per link, every service's Kafka
 * traffic stays on its own link, and faulting {@code order->kafka} affects only {@code order}.
 */
final class KafkaServerProperties {

  private KafkaServerProperties() {}

  /** One proxied listener: its name, the port the broker binds, the address it advertises. */
  record ProxiedListener(String link, String listener, int port, InetSocketAddress advertised) {}

  static String render(int controllerPort, int directPort, List<ProxiedListener> proxied,
      Path dataDir) {
    List<String> listeners = new ArrayList<>(List.of(
        "CONTROLLER://127.0.0.1:" + controllerPort, "DIRECT://127.0.0.1:" + directPort));
    List<String> advertised = new ArrayList<>(List.of("DIRECT://127.0.0.1:" + directPort));
    List<String> protocols = new ArrayList<>(List.of("CONTROLLER:PLAINTEXT", "DIRECT:PLAINTEXT"));
    for (ProxiedListener listener : proxied) {
      listeners.add(listener.listener() + "://127.0.0.1:" + listener.port());
      advertised.add(listener.listener() + "://" + Ports.hostPort(listener.advertised()));
      protocols.add(listener.listener() + ":PLAINTEXT");
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "DIRECT");
    props.put("listeners", String.join(",", listeners));
    props.put("advertised.listeners", String.join(",", advertised));
    props.put("listener.security.protocol.map", String.join(",", protocols));
    props.put("log.dirs", dataDir.toString());
    props.put("num.partitions", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("broker.session.timeout.ms", "2000");
    props.put("broker.heartbeat.interval.ms", "500");
    props.put("controller.quorum.election.timeout.ms", "500");
    props.put("controller.quorum.fetch.timeout.ms", "1000");
    props.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "4");
    props.put("num.recovery.threads.per.data.dir", "2");
    props.put("auto.create.topics.enable", "true");
    StringBuilder text = new StringBuilder("# written by the harness\n");
    props.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return text.toString();
  }
}
