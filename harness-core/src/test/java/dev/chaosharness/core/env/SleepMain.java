package dev.chaosharness.core.env;

/** A child JVM that sleeps for ten minutes (or {@code args[0]} ms) and prints a line first. */
public final class SleepMain {

  private SleepMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("sleeping");
    Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) : 600_000);
  }
}
