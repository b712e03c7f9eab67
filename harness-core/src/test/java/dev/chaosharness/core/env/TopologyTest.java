package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.target.InvalidFileException;
import dev.chaosharness.core.target.YamlInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

  private static Topology parse(String... lines) {
    return YamlInput.parse(Path.of("topology.yaml"), String.join("\n", lines), Topology.class);
  }

  private static final String[] SHOP = {
      "name: shop",
      "topics:",
      "  partitions: 3",
      "  names: [orders.events, payments.events]",
      "services:",
      "  - name: payment",
      "    main: com.example.Payment",
      "    database: true",
      "    kafka: true",
      "    dependencies: {provider: payment-provider}",
      "  - name: payment-provider",
      "    main: com.example.Provider",
      "  - name: order",
      "    main: com.example.Order"};

  @Test
  void should_start_dependencies_first_when_services_depend_on_others() {
    // when
    Topology topology = parse(SHOP);
    // then
    assertThat(topology.startWaves()).extracting(wave -> wave.stream()
        .map(Topology.ServiceDef::name).toList())
        .containsExactly(List.of("payment-provider", "order"), List.of("payment"));
    assertThat(topology.topics().withFaultTopics()).containsExactly("orders.events",
        "orders.events.faults", "payments.events", "payments.events.faults");
    assertThat(topology.services().get(0).dependencies()).containsEntry("provider", "payment-provider");
    assertThat(topology.services().get(1).database()).isFalse();
  }

  @Test
  void should_point_at_line_and_field_when_dependency_is_unknown() {
    assertThatThrownBy(() -> parse("name: shop", "services:", "  - name: payment",
        "    main: com.example.Payment", "    dependencies: {provider: nowhere}"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("topology.yaml:5: service 'payment' depends on 'nowhere' (alias provider), "
            + "which is not a service; known: [payment]");
  }

  @Test
  void should_point_at_line_and_field_when_service_name_is_invalid() {
    assertThatThrownBy(() -> parse("name: shop", "services:", "  - name: Payment Service",
        "    main: com.example.Payment"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("topology.yaml:4: field 'services[0]': "
            + "name must match [a-z][a-z0-9-]*, but was 'Payment Service'");
  }

  @Test
  void should_list_known_fields_when_field_is_unknown() {
    assertThatThrownBy(() -> parse("name: shop", "services:", "  - name: payment",
        "    main: com.example.Payment", "    databse: true"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageStartingWith("topology.yaml:5: field 'services[0].databse': unknown field; "
            + "known fields: [")
        .hasMessageEndingWith(", database]");
  }

  @Test
  void should_name_services_when_dependencies_form_cycle() {
    assertThatThrownBy(() -> parse("name: loop", "services:",
        "  - {name: a, main: x.A, dependencies: {b: b}}",
        "  - {name: b, main: x.B, dependencies: {a: a}}"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("topology.yaml:4: services have a dependency cycle among [a, b]");
  }
}
