package dev.chaosharness.core.fault;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Something on the Toxiproxy API that carries a lease (our fault proxy's extension): where an
 * update goes, with which method, and the field that holds the lease in milliseconds.
 */
record LeasedResource(URI uri, String method, String field, String description) {

  /** A toxic's lease: {@code PATCH /proxies/{link}/toxics/{toxic}} with {@code ttl}. */
  static LeasedResource toxic(URI api, String link, String toxic) {
    return new LeasedResource(api.resolve("/proxies/" + segment(link) + "/toxics/" + segment(toxic)),
        "PATCH", "ttl", "toxic '" + toxic + "' on '" + link + "'");
  }

  /** A disabled link's lease: {@code POST /proxies/{link}} with {@code disabled_ttl}. */
  static LeasedResource disabledLink(URI api, String link) {
    return new LeasedResource(api.resolve("/proxies/" + segment(link)), "POST", "disabled_ttl",
        "disabled link '" + link + "'");
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
