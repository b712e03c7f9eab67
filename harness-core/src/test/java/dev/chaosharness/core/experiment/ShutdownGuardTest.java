package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownGuardTest {

  @Test
  void should_interrupt_the_run_and_hold_the_jvm_until_the_run_has_cleaned_up_when_the_jvm_shuts_down()
      throws Exception {
    // given: a "run" that sleeps, then cleans up for 300 ms once interrupted, then closes its guard
    CountDownLatch interrupted = new CountDownLatch(1);
    ShutdownGuard[] guard = new ShutdownGuard[1];
    Thread run = new Thread(() -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
        try {
          Thread.sleep(300); // reverts and rollbacks
        } catch (InterruptedException again) {
          Thread.currentThread().interrupt();
        }
      }
      guard[0].close();
    });
    RunControl control = new RunControl(run);
    guard[0] = new ShutdownGuard(control, Duration.ofSeconds(10));
    run.start();

    // when: the JVM runs the hook
    long start = System.nanoTime();
    Thread hook = new Thread(guard[0]::onShutdown);
    hook.start();
    hook.join(10_000);

    // then
    assertThat(interrupted.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(control.interruptReason()).contains("the JVM is shutting down (SIGINT/SIGTERM)");
    assertThat(hook.isAlive()).isFalse();
    assertThat(System.nanoTime() - start).as("the hook waited for the cleanup").isGreaterThanOrEqualTo(250_000_000L);
  }

  @Test
  void should_give_up_waiting_after_its_limit_when_the_run_never_finishes() throws Exception {
    // given
    Thread stuck = new Thread(() -> { });
    ShutdownGuard guard = new ShutdownGuard(new RunControl(stuck), Duration.ofMillis(200));

    // when
    long start = System.nanoTime();
    guard.onShutdown();

    // then
    assertThat(System.nanoTime() - start).isBetween(150_000_000L, 5_000_000_000L);
  }
}
