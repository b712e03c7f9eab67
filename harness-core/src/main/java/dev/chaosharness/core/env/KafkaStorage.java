package dev.chaosharness.core.env;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Formats a broker's data folder. Formatting with Kafka's storage tool loads much of the
 * broker into the harness JVM (seconds on a busy machine), so it runs once per machine and
 * Kafka version into {@code <tmp>/chaos-harness/kafka-<version>-formatted}; every broker then
 * copies that template ({@code meta.properties}, {@code bootstrap.checkpoint}). The brokers
 * share a cluster id, which is harmless: each is a separate single-node cluster.
 *
 * <p>Thread-safe; concurrent JVMs race safely (staging folder, atomic move).
 */
final class KafkaStorage {

  private KafkaStorage() {}

  /** Formats {@code dataDir} for the broker configured in {@code properties}. */
  static void format(Path dataDir, Path properties, Path logFile) {
    try {
      Path template = template(properties, logFile);
      Files.createDirectories(dataDir);
      try (Stream<Path> files = Files.list(template)) {
        for (Path file : files.toList()) {
          Files.copy(file, dataDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new ComponentFailedException("kafka", "could not format its storage in " + dataDir
          + ": " + e.getMessage(), logFile, e);
    }
  }

  private static synchronized Path template(Path properties, Path logFile) throws IOException {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "chaos-harness");
    Path template = cache.resolve("kafka-" + AppInfoParser.getVersion() + "-formatted");
    if (Files.exists(template.resolve("meta.properties"))) {
      return template;
    }
    Files.createDirectories(cache);
    Path staging = Files.createTempDirectory(cache, "kafka-formatting-");
    Path data = staging.resolve("data");
    Path config = staging.resolve("server.properties");
    Files.writeString(config, Files.readString(properties)
        .replaceAll("(?m)^log\\.dirs=.*$", "log.dirs=" + data.toString().replace("\\", "/")));
    runStorageTool(config, logFile);
    try {
      Files.move(data, template, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // another JVM formatted the template first; use theirs
    } catch (IOException e) {
      if (!Files.exists(template.resolve("meta.properties"))) {
        throw e;
      }
    } finally {
      DirectoryTrees.deleteQuietly(staging);
    }
    return template;
  }

  private static void runStorageTool(Path config, Path logFile) throws IOException {
    String clusterId = Uuid.randomUuid().toString();
    Files.createDirectories(logFile.getParent());
    try (PrintStream out = new PrintStream(Files.newOutputStream(logFile,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
      out.println("=== harness: formatting the storage template, cluster id " + clusterId);
      int exit;
      try {
        exit = kafka.tools.StorageTool.execute(
            new String[] {"format", "-t", clusterId, "-c", config.toString()}, out);
      } catch (RuntimeException e) {
        throw new ComponentFailedException("kafka", "storage format failed: " + e, logFile, e);
      }
      if (exit != 0) {
        throw new ComponentFailedException("kafka", "storage format failed with exit code "
            + exit, logFile);
      }
    }
  }
}
