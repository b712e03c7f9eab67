package dev.chaosharness.sample.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

  @Test
  void should_read_every_contract_variable_when_the_environment_sets_them() {
    // given
    Map<String, String> env = Map.of("SERVICE_NAME", "payment", "HTTP_PORT", "8081",
        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "DB_URL", "jdbc:postgresql://127.0.0.1:5432/payment",
        "DB_USER", "u", "DB_PASSWORD", "p", "PROVIDER_URL", "http://127.0.0.1:9000",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318", "SAMPLE_DEFECTS", "payment-no-refund");

    // when
    ServiceConfig config = ServiceConfig.fromEnv(env, "x");

    // then
    assertThat(config).isEqualTo(new ServiceConfig("payment", 8081, "127.0.0.1:9092",
        "jdbc:postgresql://127.0.0.1:5432/payment", "u", "p", "http://127.0.0.1:9000", "http://127.0.0.1:4318",
        Defects.parse("payment-no-refund")));
    assertThat(config.traceServiceName(env)).isEqualTo("payment");
    assertThat(config.traceServiceName(Map.of("OTEL_SERVICE_NAME", "pay"))).isEqualTo("pay");
  }

  @Test
  void should_use_defaults_when_optional_variables_are_unset() {
    // when
    ServiceConfig config = ServiceConfig.fromEnv(Map.of(), "stock");

    // then
    assertThat(config.serviceName()).isEqualTo("stock");
    assertThat(config.httpPort()).isZero();
    assertThat(config.dbUrl()).isEmpty();
    assertThat(config.otlpEndpoint()).isEmpty();
    assertThat(config.defects().enabled()).isEmpty();
  }

  @Test
  void should_name_the_variable_and_value_when_the_port_is_not_a_number() {
    // when / then
    assertThatThrownBy(() -> ServiceConfig.fromEnv(Map.of("HTTP_PORT", "80a"), "order"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HTTP_PORT must be a number, but was '80a'")
        .hasCauseInstanceOf(NumberFormatException.class);
  }

  @Test
  void should_echo_the_port_when_it_is_out_of_range() {
    // when / then
    assertThatThrownBy(() -> ServiceConfig.fromEnv(Map.of("HTTP_PORT", "70000"), "order"))
        .hasMessage("HTTP_PORT must be within [0, 65535], but was 70000");
  }
}
