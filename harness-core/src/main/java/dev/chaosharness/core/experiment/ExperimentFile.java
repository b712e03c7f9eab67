package dev.chaosharness.core.experiment;

import dev.chaosharness.core.target.InvalidFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads experiment files (YAML, or JSON when the text starts with <code>{</code>) into
 * {@link Experiment}s, validating everything that can be checked without an environment: every
 * problem is an {@link InvalidFileException} naming the file, the line and the field.
 *
 * <pre>{@code
 * Experiment e = ExperimentFile.read(Path.of("experiments/payment-latency.yaml"));
 * Experiment c = ExperimentFile.readResource("catalog/payment-provider-latency.yaml");
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ExperimentFile {

  private ExperimentFile() {}

  /** Reads {@code file} with the default fault kinds ({@link FaultKinds#ofDefaults()}). */
  public static Experiment read(Path file) {
    return read(file, FaultKinds.ofDefaults());
  }

  /** Reads {@code file} with the given fault kinds. */
  public static Experiment read(Path file, FaultKinds kinds) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidFileException(file, 0, "", "the file does not exist", e);
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, "", "cannot be read: " + e.getMessage(), e);
    }
    return parse(file, text, kinds);
  }

  /** Reads an experiment from the classpath, for example {@code catalog/payment-provider-latency.yaml}. */
  public static Experiment readResource(String resource) {
    return readResource(resource, FaultKinds.ofDefaults());
  }

  /** Reads an experiment from the classpath with the given fault kinds. */
  public static Experiment readResource(String resource, FaultKinds kinds) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    Path source = Path.of("classpath:" + name);
    ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : ExperimentFile.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new InvalidFileException(source, 0, "", "no such resource on the classpath", null);
      }
      return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8), kinds);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read resource " + name, e);
    }
  }

  /** Parses {@code text}, naming {@code source} in errors. */
  public static Experiment parse(Path source, String text, FaultKinds kinds) {
    return new ExperimentParser(kinds).experiment(NodeReader.read(source, text));
  }
}
