package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {

  @Test
  void freePortsLieBelowTheEphemeralRangeAndAreNeverHandedOutTwice() throws IOException {
    int ephemeral = Ports.ephemeralLowerBound(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = Ports.free();
      assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
      if (ephemeral > Ports.LOWEST) {
        assertThat(port).isBetween(Ports.LOWEST, ephemeral - 1);
      }
      try (ServerSocket bound = new ServerSocket(port, 1, Ports.loopback(port).getAddress())) {
        assertThat(bound.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void theEphemeralRangeIsReadFromTheKernelFileAndUnknownWhenItIsMissingOrGarbled(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("range"), "32768\t60999\n");
    Path garbled = Files.writeString(dir.resolve("garbled"), "lots\n");
    assertThat(Ports.ephemeralLowerBound(file)).isEqualTo(32768);
    assertThat(Ports.ephemeralLowerBound(garbled)).isZero();
    assertThat(Ports.ephemeralLowerBound(dir.resolve("missing"))).isZero();
  }
}
