package dev.chaosharness.core.env;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs start steps of an environment on their own daemon threads and waits for them, rethrowing
 * a step's own {@link RuntimeException} (such as {@link ComponentFailedException}) unwrapped.
 */
final class Parallel {

  private Parallel() {}

  /** Starts {@code step} at once on a new daemon thread. */
  static CompletableFuture<Void> async(Runnable step) {
    return CompletableFuture.runAsync(step, runnable -> {
      Thread thread = new Thread(runnable, "chaos-harness-env-start");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** Waits until every step has ended; throws the failure of one that failed. */
  static void joinAll(List<CompletableFuture<Void>> steps) {
    try {
      CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
