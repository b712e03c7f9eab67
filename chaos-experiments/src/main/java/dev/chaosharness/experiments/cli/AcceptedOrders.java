package dev.chaosharness.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the order ids a traffic driver was told were accepted: one id per line, or one JSON
 * object per line with an {@code orderId} field; blank lines and {@code #} comments skipped.
 */
final class AcceptedOrders {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AcceptedOrders() {}

  static Set<String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file; pass the accepted order ids, one per line", e);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      ids.add(line.startsWith("{") ? fromJson(file, i + 1, line) : plain(file, i + 1, line));
    }
    return ids;
  }

  private static String plain(Path file, int line, String text) {
    if (text.chars().anyMatch(Character::isWhitespace) || text.contains("\"")) {
      throw new UserError(file + " line " + line + ": expected one order id or a JSON object with field 'orderId', but was '" + text + "'");
    }
    return text;
  }

  private static String fromJson(Path file, int line, String text) {
    try {
      JsonNode id = JSON.readTree(text).get("orderId");
      if (id == null || !id.isTextual() || id.asText().isEmpty()) {
        throw new UserError(file + " line " + line + ", field 'orderId': missing or not a string in " + text);
      }
      return id.asText();
    } catch (IOException e) {
      throw new UserError(file + " line " + line + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
