package dev.chaosharness.sample.saga;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from the machine's binaries ({@code /usr/lib/postgresql/<v>/bin},
 * or {@code PG_BIN}); as root it runs as the {@code postgres} user through {@code setpriv}, since
 * PostgreSQL refuses to run as root. Durability is off: it is a test database.
 */
final class TestPostgres implements AutoCloseable {

  private final Process process;
  private final int port;

  private TestPostgres(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static TestPostgres start(Path dir) throws Exception {
    Path bin = binaries();
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    List<String> prefix = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
      Files.setOwner(data, postgres);
      prefix.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups"));
    }
    run(command(prefix, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
        "--no-sync", "-E", "UTF8"), dir.resolve("initdb.log"));
    int port = freePort();
    Process process = new ProcessBuilder(command(prefix, bin.resolve("postgres").toString(), "-D", data.toString(),
        "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "max_connections=300"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("postgres.log").toFile()).start();
    TestPostgres server = new TestPostgres(process, port);
    server.awaitReady(Duration.ofSeconds(30));
    return server;
  }

  private static Path binaries() throws IOException {
    String configured = System.getenv("PG_BIN");
    if (configured != null) {
      return Path.of(configured);
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString())))
          .map(p -> p.resolve("bin"))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql; set PG_BIN"));
    }
  }

  private static List<String> command(List<String> prefix, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(args));
    return command;
  }

  private static void run(List<String> command, Path log) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed; see " + log + ":\n" + Files.readString(log));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Connection ignored = DriverManager.getConnection(url("postgres"), "postgres", "")) {
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IllegalStateException("PostgreSQL did not accept connections on port " + port, e);
        }
        Thread.sleep(100);
      }
    }
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  void createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database \"" + name + "\"");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
