package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/** What {@link TestcontainersEnvironment} says when it cannot run, and its input checks. */
class TestcontainersEnvironmentWithoutDockerTest {

  @TempDir Path workDir;

  @Test
  void should_fail_with_one_line_naming_docker_and_fix_when_no_docker_engine() {
    // given
    assumeThat(DockerClientFactory.instance().isDockerAvailable())
        .as("this test sees the no-Docker error, so it needs a machine without Docker").isFalse();
    EmbeddedEnvironmentConfig config = EmbeddedEnvironmentConfig.builder()
        .topology(Topology.readResource("dev/chaosharness/core/env/test-topology.yaml"))
        .workDir(workDir).build();
    // when / then
    assertThatThrownBy(() -> TestcontainersEnvironment.start(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TestcontainersEnvironment needs a Docker engine, but Testcontainers found "
            + "none (checked DOCKER_HOST, ~/.testcontainers.properties and /var/run/docker.sock); "
            + "start Docker or point DOCKER_HOST at one, or use EmbeddedEnvironment, which needs "
            + "no Docker")
        .hasNoCause();
    assertThat(workDir.resolve("logs")).doesNotExist();
  }

  @Test
  void should_refuse_link_router_when_config_sets_one() {
    // given
    EmbeddedEnvironmentConfig config = EmbeddedEnvironmentConfig.builder().workDir(workDir)
        .linkRouter(new PassThroughLinkRouter()).build();
    // when / then
    assertThatThrownBy(() -> TestcontainersEnvironment.start(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TestcontainersEnvironment routes every link through its Toxiproxy "
            + "container, but the config sets a link router or proxy API URL; build the config "
            + "without linkRouter(...) and proxyApiUrl(...)");
  }

  @Test
  void should_name_field_and_expected_image_when_image_is_wrong() {
    assertThatThrownBy(() -> ContainerImages.ofDefaults().withKafka("confluentinc/cp-kafka:7.4.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kafka image must be apache/kafka:<tag>, but was 'confluentinc/cp-kafka:7.4.0'");
    assertThatThrownBy(() -> ContainerImages.ofDefaults().withToxiproxy(null))
        .hasMessage("toxiproxy image must be ghcr.io/shopify/toxiproxy:<tag>, but was missing");
  }

  @Test
  void should_name_mapped_port_count_when_links_exceed_it() {
    // given
    ToxiproxyLinkRouter router = new ToxiproxyLinkRouter(
        new eu.rekawek.toxiproxy.ToxiproxyClient("127.0.0.1", 1), 8666, 0,
        port -> new InetSocketAddress("127.0.0.1", port), port -> port);
    // when / then
    assertThatThrownBy(() -> router.open("order->kafka",
        InetSocketAddress.createUnresolved("kafka", 19092)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Toxiproxy container maps 0 link ports, but link 1 was requested; "
            + "known links: []");
  }
}
