package dev.chaosharness.core.experiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chaosharness.core.target.InvalidFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON text into {@link Node}s with Jackson's streaming parser, keeping each
 * value's line and field path. JSON is chosen when the text starts with {@code {}; duplicate
 * keys are an error. Thread-safe.
 */
final class NodeReader {

  private static final JsonFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private NodeReader() {}

  static Node read(Path file, String text) {
    boolean json = text.stripLeading().startsWith("{");
    try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidFileException(file, 1, "", "the file is empty", null);
      }
      Node root = value(file, parser, "");
      if (!root.isMap()) {
        throw root.error("an experiment must be a mapping of fields (title, method, ...), but was " + root.describe());
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InvalidFileException(file, line(e.getLocation()), "",
          "is not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " "), e);
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, "", "cannot be read: " + e.getMessage(), e);
    }
  }

  private static Node value(Path file, JsonParser parser, String path) throws IOException {
    int line = line(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(file, parser, path, line);
      case START_ARRAY -> array(file, parser, path, line);
      case VALUE_STRING -> Node.scalar(file, line, path, parser.getText());
      case VALUE_NUMBER_INT -> Node.scalar(file, line, path, parser.getLongValue());
      case VALUE_NUMBER_FLOAT -> Node.scalar(file, line, path, parser.getDoubleValue());
      case VALUE_TRUE -> Node.scalar(file, line, path, Boolean.TRUE);
      case VALUE_FALSE -> Node.scalar(file, line, path, Boolean.FALSE);
      case VALUE_NULL -> Node.scalar(file, line, path, null);
      default -> throw new InvalidFileException(file, line, path, "unexpected " + token, null);
    };
  }

  private static Node object(Path file, JsonParser parser, String path, int line) throws IOException {
    Map<String, Node> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int keyLine = line(parser.currentTokenLocation());
      String child = path.isEmpty() ? name : path + "." + name;
      parser.nextToken();
      if (fields.containsKey(name)) {
        throw new InvalidFileException(file, keyLine, child, "appears twice; the first is on line "
            + fields.get(name).line(), null);
      }
      Node value = value(file, parser, child);
      fields.put(name, value.isMap() || value.isList() ? value : Node.scalar(file, keyLine, child, value.scalarValue()));
    }
    return Node.map(file, line, path, fields);
  }

  private static Node array(Path file, JsonParser parser, String path, int line) throws IOException {
    List<Node> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(file, parser, path + "[" + items.size() + "]"));
    }
    return Node.list(file, line, path, items);
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }
}
