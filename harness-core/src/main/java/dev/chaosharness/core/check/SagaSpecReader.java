package dev.chaosharness.core.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML saga specification, remembering the line of every field and list item so that
 * each problem, in syntax or in meaning, points at its line. Nothing is returned until the
 * whole specification has been read and validated.
 */
final class SagaSpecReader {

  private static final Set<String> FIELDS = Set.of("key", "start", "follows", "terminal", "effects-once", "compensations");
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String source;
  private final Map<String, Integer> lines = new HashMap<>();

  private SagaSpecReader(String source) {
    this.source = source;
  }

  static SagaSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new SagaSpecException(file.toString(), 0, null, "no such file; pass the path of a saga specification (docs/saga-spec.md)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read saga spec " + file + ": " + e.getMessage(), e);
    }
    return read(text, file.toString());
  }

  static SagaSpec read(String yaml, String source) {
    return new SagaSpecReader(source).parse(yaml);
  }

  private SagaSpec parse(String yaml) {
    Map<String, Object> root;
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw fail(1, null, "expected a mapping with fields " + FIELDS.stream().sorted().toList() + ", but the document is "
            + (first == null ? "empty" : "not a mapping"));
      }
      root = map(parser, "");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SagaSpecException(source, line, null, "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read saga spec " + source + ": " + e.getMessage(), e);
    }
    return build(root);
  }

  private SagaSpec build(Map<String, Object> root) {
    for (String field : root.keySet()) {
      if (!FIELDS.contains(field)) {
        throw fail(line(field), field, "unknown field; a saga spec has " + FIELDS.stream().sorted().toList());
      }
    }
    for (String required : List.of("key", "start", "follows", "terminal")) {
      if (!root.containsKey(required)) {
        throw fail(1, required, "missing; a saga spec needs key, start, follows and terminal");
      }
    }
    try {
      return new SagaSpec(scalar(root, "key"), list(root.get("start"), "start"), lists(root.get("follows"), "follows"),
          list(root.get("terminal"), "terminal"), list(root.getOrDefault("effects-once", List.of()), "effects-once"),
          lists(root.getOrDefault("compensations", Map.of()), "compensations"));
    } catch (SpecProblem problem) {
      throw new SagaSpecException(source, line(problem.field), problem.field, problem.problem, problem);
    }
  }

  private int line(String path) {
    for (String p = path; ; p = p.substring(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('[')))) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.indexOf('.') < 0 && p.indexOf('[') < 0) {
        return 1;
      }
    }
  }

  private String scalar(Map<String, Object> root, String field) {
    Object value = root.get(field);
    if (!(value instanceof String text)) {
      throw new SpecProblem(field, "expected a single value, but was " + describe(value));
    }
    return text;
  }

  private List<String> list(Object value, String path) {
    if (!(value instanceof List<?> items)) {
      throw new SpecProblem(path, "expected a list of event types such as [OrderCreated], but was " + describe(value));
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String type) || type.isBlank()) {
        throw new SpecProblem(path + "[" + i + "]", "expected an event type name, but was " + describe(items.get(i)));
      }
      types.add(type);
    }
    return types;
  }

  private Map<String, List<String>> lists(Object value, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new SpecProblem(path, "expected a mapping of event type to a list of event types, but was " + describe(value));
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put((String) k, list(v, path + "." + k)));
    return result;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "empty";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "'" + value + "'";
  }

  private Map<String, Object> map(JsonParser parser, String prefix) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      int line = parser.currentTokenLocation().getLineNr();
      if (map.containsKey(name)) {
        throw fail(line, path, "appears twice; merge the two entries");
      }
      lines.put(path, line);
      parser.nextToken();
      map.put(name, value(parser, path));
    }
    return map;
  }

  private Object value(JsonParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return map(parser, path);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        lines.put(path + "[" + i + "]", parser.currentTokenLocation().getLineNr());
        items.add(value(parser, path + "[" + i + "]"));
      }
      return items;
    }
    return token == JsonToken.VALUE_NULL ? null : parser.getText();
  }

  private SagaSpecException fail(int line, String field, String problem) {
    return new SagaSpecException(source, line, field, problem, null);
  }
}
