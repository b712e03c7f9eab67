package dev.chaosharness.experiments.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The negative run a catalog experiment names in its {@code extensions} entry
 * {@code chaos-harness-negative}: the defect switches per service and the anomaly kinds expected.
 *
 * @param defects service to its {@code SAMPLE_DEFECTS}
 * @param expect the anomaly kinds of which the run must report at least one ({@code expect} is one
 *     kind or a list of them)
 */
record NegativeRun(Map<String, String> defects, List<String> expect) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads the negative run of {@code catalog/<name>.yaml}. */
  static NegativeRun of(String name) {
    try (InputStream in = NegativeRun.class.getClassLoader().getResourceAsStream("catalog/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalArgumentException("No catalog/" + name + ".yaml on the classpath");
      }
      for (JsonNode extension : YAML.readTree(in).path("extensions")) {
        if (extension.path("name").asText().equals("chaos-harness-negative")) {
          Map<String, String> defects = new LinkedHashMap<>();
          extension.path("defects").fields().forEachRemaining(e -> defects.put(e.getKey(), e.getValue().asText()));
          JsonNode expect = extension.path("expect");
          List<String> kinds = new ArrayList<>();
          if (expect.isArray()) {
            expect.forEach(kind -> kinds.add(kind.asText()));
          } else {
            kinds.add(expect.asText());
          }
          return new NegativeRun(defects, List.copyOf(kinds));
        }
      }
      throw new IllegalArgumentException("catalog/" + name + ".yaml has no chaos-harness-negative extension");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The union of the negative runs' defects, per service, for one shop that serves them all. */
  static Map<String, String> union(Iterable<String> names) {
    Map<String, java.util.Set<String>> merged = new TreeMap<>();
    for (String name : names) {
      of(name).defects().forEach((service, csv) -> {
        for (String defect : csv.split(",")) {
          merged.computeIfAbsent(service, s -> new java.util.TreeSet<>()).add(defect.trim());
        }
      });
    }
    Map<String, String> union = new TreeMap<>();
    merged.forEach((service, set) -> union.put(service, String.join(",", set)));
    return union;
  }
}
