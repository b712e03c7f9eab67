package dev.chaosharness.core.junit;

import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A value JUnit's store closes when its extension context ends (AutoCloseable for JUnit 5.13+,
 * CloseableResource before).
 *
 * @param value the resource to close
 * @param <T> its type
 */
@SuppressWarnings({"deprecation", "try"}) // close() may throw what the value's close() throws
record StoredResource<T extends AutoCloseable>(T value) implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  StoredResource {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public void close() throws Exception {
    value.close();
  }
}
