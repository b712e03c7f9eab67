package dev.chaosharness.core.env;

/**
 * Checks, before any container is created, that Testcontainers is on the classpath and finds a
 * Docker engine, and says in one line what is missing and what to do instead.
 */
final class DockerCheck {

  static final String NO_TESTCONTAINERS = "TestcontainersEnvironment needs "
      + "org.testcontainers:kafka, postgresql and toxiproxy (1.21.4) on the classpath, but they "
      + "were not found; add them as dependencies, or use EmbeddedEnvironment, which needs "
      + "neither Testcontainers nor Docker";
  static final String NO_DOCKER = "TestcontainersEnvironment needs a Docker engine, but "
      + "Testcontainers found none (checked DOCKER_HOST, ~/.testcontainers.properties and "
      + "/var/run/docker.sock); start Docker or point DOCKER_HOST at one, or use "
      + "EmbeddedEnvironment, which needs no Docker";

  private DockerCheck() {}

  /** Throws {@link IllegalStateException} with a one-line reason unless containers can run. */
  static void require() {
    try {
      Class.forName("org.testcontainers.DockerClientFactory", false,
          DockerCheck.class.getClassLoader());
      Class.forName("org.testcontainers.kafka.KafkaContainer", false,
          DockerCheck.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(NO_TESTCONTAINERS, e);
    }
    if (!Containers.dockerAvailable()) {
      throw new IllegalStateException(NO_DOCKER);
    }
  }
}
