package dev.chaosharness.core.env;

/**
 * The container images a {@link TestcontainersEnvironment} runs.
 *
 * <pre>{@code
 * ContainerImages images = ContainerImages.ofDefaults().withKafka("apache/kafka:4.3.1");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kafka an {@code apache/kafka} image (KRaft, one node)
 * @param postgres a {@code postgres} image
 * @param toxiproxy a {@code ghcr.io/shopify/toxiproxy} image
 */
public record ContainerImages(String kafka, String postgres, String toxiproxy) {

  /** Validates the image names. */
  public ContainerImages {
    require("kafka", kafka, "apache/kafka");
    require("postgres", postgres, "postgres");
    require("toxiproxy", toxiproxy, "ghcr.io/shopify/toxiproxy");
  }

  /** Kafka 4.3.1 (the embedded broker's version), PostgreSQL 17, Toxiproxy 2.12.0. */
  public static ContainerImages ofDefaults() {
    return new ContainerImages("apache/kafka:4.3.1", "postgres:17-alpine",
        "ghcr.io/shopify/toxiproxy:2.12.0");
  }

  /** The same images with another Kafka image. */
  public ContainerImages withKafka(String image) {
    return new ContainerImages(image, postgres, toxiproxy);
  }

  /** The same images with another PostgreSQL image. */
  public ContainerImages withPostgres(String image) {
    return new ContainerImages(kafka, image, toxiproxy);
  }

  /** The same images with another Toxiproxy image. */
  public ContainerImages withToxiproxy(String image) {
    return new ContainerImages(kafka, postgres, image);
  }

  private static void require(String field, String image, String expected) {
    if (image == null || !image.startsWith(expected + ":")) {
      throw new IllegalArgumentException(field + " image must be " + expected
          + ":<tag>, but was " + (image == null ? "missing" : "'" + image + "'"));
    }
  }
}
