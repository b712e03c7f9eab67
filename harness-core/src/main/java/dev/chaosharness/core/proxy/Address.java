package dev.chaosharness.core.proxy;

import java.net.InetSocketAddress;

/** Parses Toxiproxy's {@code host:port} strings; an empty host means every interface. */
final class Address {

  private Address() {}

  static InetSocketAddress parse(String field, String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw ApiError.badBody(field + " must be host:port, but was '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "bad request body: " + field + " must be host:port with a numeric port, but was '" + text + "'", e);
    }
    if (port < 0 || port > 65535) {
      throw ApiError.badBody(field + " port must be within [0, 65535], but was " + port);
    }
    return InetSocketAddress.createUnresolved(host.isEmpty() ? "0.0.0.0" : host, port);
  }

  static String format(InetSocketAddress address) {
    String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
