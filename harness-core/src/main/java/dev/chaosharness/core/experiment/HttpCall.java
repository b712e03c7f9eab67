package dev.chaosharness.core.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs Chaos Toolkit's http provider: arguments go in the query for GET and DELETE, else in the body (JSON unless form). */
final class HttpCall {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;

  HttpCall(HttpClient client) {
    this.client = client;
  }

  Output.Http call(HttpProvider provider, Substitution substitution, Location location)
      throws IOException, InterruptedException {
    String url = substitution.text(provider.url(), location.child("url"));
    Map<String, String> headers = new LinkedHashMap<>();
    provider.headers().forEach((k, v) -> headers.put(k, substitution.text(v, location.child("headers." + k))));
    Object arguments = provider.arguments().map(a -> substitution.resolve(a, location.child("arguments"))).orElse(null);
    boolean inQuery = provider.method().equals("GET") || provider.method().equals("DELETE");
    if (arguments instanceof Map<?, ?> map && inQuery && !map.isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + form(map);
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (arguments != null && !inQuery) {
      boolean isForm = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type")
          && h.getValue().contains("x-www-form-urlencoded"));
      if (isForm && arguments instanceof Map<?, ?> map) {
        body = HttpRequest.BodyPublishers.ofString(form(map));
      } else {
        body = HttpRequest.BodyPublishers.ofString(json(arguments));
        headers.putIfAbsent("Content-Type", "application/json");
      }
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw location.child("url").error("is not a URL after substitution: '" + url + "'");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(provider.timeout()).method(provider.method(), body);
    headers.forEach(request::header);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> responseHeaders.put(k, String.join(",", v)));
    return new Output.Http(response.statusCode(), responseHeaders, response.body());
  }

  private static String form(Map<?, ?> map) {
    return map.entrySet().stream()
        .map(e -> URLEncoder.encode(String.valueOf(e.getKey()), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("arguments cannot be written as JSON: " + e.getMessage(), e);
    }
  }
}
