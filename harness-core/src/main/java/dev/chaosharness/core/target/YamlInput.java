package dev.chaosharness.core.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads and writes the harness's YAML files (target files, topologies) into records, turning
 * every parse or validation problem into an {@link InvalidFileException} that names the file,
 * the line and the field.
 *
 * <p>Thread-safe.
 */
public final class YamlInput {

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private YamlInput() {}

  /** Reads {@code file} as a {@code type}. */
  public static <T> T read(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidFileException(file, 0, "", "the file does not exist", e);
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, "", "cannot be read: " + e.getMessage(), e);
    }
    return parse(file, text, type);
  }

  /** Parses {@code text}, reporting problems against {@code file} (which names the source). */
  public static <T> T parse(Path file, String text, Class<T> type) {
    try {
      T value = MAPPER.readValue(text, type);
      if (value == null) {
        throw new InvalidFileException(file, 1, "", "the file is empty", null);
      }
      return value;
    } catch (JsonMappingException e) {
      throw new InvalidFileException(file, line(e.getLocation()), path(e), problem(e), e);
    } catch (JsonProcessingException e) {
      int line = line(e.getLocation());
      if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
          && marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1;
      }
      String problem = e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
          ? marked.getProblem() : e.getOriginalMessage();
      throw new InvalidFileException(file, line, "",
          "is not valid YAML: " + problem.replaceAll("\\s*\\n\\s*", " "), e);
    }
  }

  /** Writes {@code value} to {@code file} as YAML, creating parent folders. */
  public static void write(Path file, Object value) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, MAPPER.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /** Renders {@code value} as YAML text. */
  public static String render(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot render " + value.getClass().getName(), e);
    }
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
            : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field; known fields: " + unknown.getKnownPropertyIds();
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException format) {
      return "expected " + format.getTargetType().getSimpleName() + ", but was '"
          + format.getValue() + "'";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + mismatch.getTargetType().getSimpleName() + ": "
          + e.getOriginalMessage().replaceAll("\\s*\\n.*", "");
    }
    return e.getOriginalMessage();
  }
}
