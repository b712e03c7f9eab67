package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real PostgreSQL server for the class, reached over real JDBC. */
class PostgresServerTest {

  @TempDir static Path workDir;
  private static ProcessSupervisor supervisor;
  private static PassThroughLinkRouter router;
  private static PostgresServer postgres;

  @BeforeAll
  static void start() {
    supervisor = new ProcessSupervisor();
    router = new PassThroughLinkRouter();
    postgres = PostgresServer.launch(supervisor, workDir);
    System.out.printf("postgres: ready in %d ms%n", postgres.awaitReady().toMillis());
  }

  @AfterAll
  static void stop() {
    router.close();
    supervisor.close();
  }

  @Test
  void should_store_rows_through_link_and_keep_them_when_killed_and_restarted()
      throws SQLException {
    // given
    PostgresServer.Database order = postgres.createDatabase("order");
    InetSocketAddress link = router.open("order->postgres", postgres.address());
    try (Connection connection = DriverManager.getConnection(
        order.jdbcUrl(link), order.user(), order.password());
        Statement statement = connection.createStatement()) {
      statement.execute("create table orders (id int primary key)");
      statement.execute("insert into orders values (1), (2), (3)");
    }
    // when
    postgres.process().kill();
    postgres.process().restart();
    postgres.awaitReady();
    // then
    try (Connection connection = DriverManager.getConnection(
        order.jdbcUrl(link), order.user(), order.password());
        ResultSet rows = connection.createStatement().executeQuery("select count(*) from orders")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(3);
    }
    assertThat(router.connections("order->postgres")).isEqualTo(2);
  }

  @Test
  void should_refuse_login_when_password_is_wrong() {
    // given
    PostgresServer.Database stock = postgres.createDatabase("stock");
    // when / then
    assertThatThrownBy(() -> DriverManager.getConnection(stock.jdbcUrl(), "stock", "wrong"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed for user \"stock\"");
  }

  @Test
  void should_name_database_and_log_when_database_exists() {
    // given
    postgres.createDatabase("payment");
    // when / then
    assertThatThrownBy(() -> postgres.createDatabase("payment"))
        .isInstanceOf(ComponentFailedException.class)
        .hasMessage("component 'postgres' could not create database 'payment': ERROR: role "
            + "\"payment\" already exists; log: " + workDir.resolve("logs/postgres.log"));
  }

  @Test
  void should_echo_bad_name_when_database_name_is_invalid() {
    assertThatThrownBy(() -> postgres.createDatabase("Bad Name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("database name must match [a-z][a-z0-9_-]{0,62}, but was 'Bad Name'");
  }
}
