package dev.chaosharness.core.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Chaos Toolkit's process provider: the program with its arguments, killed after its timeout. */
final class ProcessCall {

  private ProcessCall() {}

  static Output.Process run(ProcessProvider provider, Substitution substitution, Location location)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(substitution.text(provider.path(), location.child("path")));
    provider.arguments().forEach(a -> command.add(substitution.text(a, location.child("arguments"))));
    Path stdout = Files.createTempFile("harness-process-", ".out");
    Path stderr = Files.createTempFile("harness-process-", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      try {
        if (!process.waitFor(provider.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IOException("'" + String.join(" ", command) + "' did not end within "
              + DurationText.format(provider.timeout()) + " and was killed");
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        throw e;
      }
      return new Output.Process(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
