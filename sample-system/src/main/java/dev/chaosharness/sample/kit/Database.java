package dev.chaosharness.sample.kit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A service's own PostgreSQL database: a small pool, migrations applied at start, and transactions.
 *
 * <p>Thread-safe. Migrations come from {@code db/kit} (outbox and inbox) and {@code db/<service>}.
 */
public final class Database implements AutoCloseable {

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Runs against the transaction's connection.
     *
     * @param connection the connection, auto-commit off
     * @return the result
     * @throws Exception any failure, which rolls the transaction back
     */
    T run(Connection connection) throws Exception;
  }

  private final HikariDataSource dataSource;
  private volatile Runnable afterCommit = () -> { };

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens the pool and migrates the schema.
   *
   * @param config the service's configuration (DB_URL, DB_USER, DB_PASSWORD)
   * @param poolSize the maximum pool size
   * @return the open database
   */
  public static Database open(ServiceConfig config, int poolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.dbUrl());
    hikari.setUsername(config.dbUser());
    hikari.setPassword(config.dbPassword());
    hikari.setMaximumPoolSize(poolSize);
    hikari.setPoolName(config.serviceName() + "-db");
    hikari.setConnectionTimeout(5_000);
    hikari.setAutoCommit(true);
    HikariDataSource ds = new HikariDataSource(hikari);
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/kit", "classpath:db/" + config.serviceName())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new IllegalStateException("Database of service '" + config.serviceName() + "' at " + config.dbUrl()
          + " could not be migrated; check DB_URL and that the database exists", e);
    }
    return new Database(ds);
  }

  /**
   * Returns the pool.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs work in one transaction: commits when it returns, rolls back when it throws.
   *
   * @param work the work
   * @param <T> its result type
   * @return its result
   * @throws Exception the work's failure, after rollback
   */
  public <T> T inTransaction(Work<T> work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        afterCommit.run();
        return result;
      } catch (Exception | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * Sets what runs on the committing thread right after each {@link #inTransaction} commit (the
   * kit wakes the outbox relay with it); it must be quick and must not throw.
   *
   * @param listener the action
   */
  public void afterCommit(Runnable listener) {
    this.afterCommit = java.util.Objects.requireNonNull(listener, "listener");
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Tells whether the database answers within a second.
   *
   * @return true when a connection is valid
   */
  public boolean isHealthy() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
