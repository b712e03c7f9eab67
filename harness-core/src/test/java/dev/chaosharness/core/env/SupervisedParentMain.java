package dev.chaosharness.core.env;

import java.nio.file.Path;
import java.util.List;

/**
 * A harness stand-in for the orphan tests: starts two supervised children (a shell sleep and a
 * JVM), prints their PIDs, then waits forever, or throws once a line arrives on stdin, as
 * {@code args[1]} says.
 */
public final class SupervisedParentMain {

  private SupervisedParentMain() {}

  public static void main(String[] args) throws Exception {
    Path workDir = Path.of(args[0]);
    ProcessSupervisor supervisor = new ProcessSupervisor();
    ManagedProcess shell = supervisor.start(
        ProcessSpec.command("sleeper", workDir, List.of("sleep", "600")).build());
    ManagedProcess jvm = supervisor.start(
        ProcessSpec.javaMain("jvm-sleeper", SleepMain.class.getName(), workDir).build());
    System.out.println("PIDS " + shell.pid() + " " + jvm.pid());
    System.out.flush();
    if ("throw".equals(args[1])) {
      System.in.read(); // the test has seen the children alive
      throw new IllegalStateException("harness failed on purpose");
    }
    Thread.sleep(600_000);
  }
}
