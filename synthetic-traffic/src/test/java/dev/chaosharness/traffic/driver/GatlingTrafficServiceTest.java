package dev.chaosharness.traffic.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.traffic.Traffic;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The Gatling driver is the Traffic that ServiceLoader (and so the JUnit extension) finds. */
class GatlingTrafficServiceTest {

  @Test
  void should_find_gatling_traffic_when_service_loader_looks_for_traffic() {
    // when
    List<Traffic> drivers = ServiceLoader.load(Traffic.class).stream().map(ServiceLoader.Provider::get).toList();

    // then
    assertThat(drivers).singleElement().isInstanceOf(GatlingTraffic.class);
    assertThat(drivers.get(0).scenarios()).contains("place-order");
  }
}
