package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToleranceTest {

  private static Tolerance tolerance(String yaml) {
    Experiment e = ExperimentFile.parse(Path.of("t.yaml"), """
        title: t
        steady-state-hypothesis:
          probes:
            - {type: probe, name: p, provider: {type: process, path: /bin/true}, tolerance: %s}
        method: []
        """.formatted(yaml), FaultKinds.builtIn());
    return e.hypothesis().orElseThrow().probes().get(0).tolerance().orElseThrow();
  }

  private static Output.Http http(int status, String body) {
    return new Output.Http(status, Map.of(), body);
  }

  @Test
  void should_compare_an_int_with_the_status_or_exit_code() {
    assertThat(tolerance("200").accepts(http(200, ""))).isTrue();
    assertThat(tolerance("200").accepts(http(503, ""))).isFalse();
    assertThat(tolerance("0").accepts(new Output.Process(0, "", ""))).isTrue();
    assertThat(tolerance("0").accepts(new Output.Process(2, "", ""))).isFalse();
  }

  @Test
  void should_read_a_bool_as_success() {
    assertThat(tolerance("true").accepts(http(204, ""))).isTrue();
    assertThat(tolerance("true").accepts(http(500, ""))).isFalse();
    assertThat(tolerance("false").accepts(new Output.Process(1, "", ""))).isTrue();
  }

  @Test
  void should_compare_a_string_with_the_body_or_stdout() {
    assertThat(tolerance("UP").accepts(http(200, "UP\n"))).isTrue();
    assertThat(tolerance("UP").accepts(new Output.Process(0, "DOWN", ""))).isFalse();
  }

  @Test
  void should_accept_any_value_of_a_list() {
    assertThat(tolerance("[200, 204]").accepts(http(204, ""))).isTrue();
    assertThat(tolerance("[200, 204]").accepts(http(404, ""))).isFalse();
  }

  @Test
  void should_hold_a_number_within_a_range() {
    Tolerance range = tolerance("{type: range, range: [0.95, 1.0]}");
    assertThat(range.accepts(new Output.Kpi(0.97))).isTrue();
    assertThat(range.accepts(new Output.Kpi(0.5))).isFalse();
    assertThat(range.accepts(new Output.Kpi(Double.NaN))).isFalse();
    assertThat(tolerance("{type: range, range: [1, 5], target: body}").accepts(http(200, "3"))).isTrue();
  }

  @Test
  void should_find_a_regex_in_the_body() {
    assertThat(tolerance("{type: regex, pattern: \"st.tus\"}").accepts(http(200, "{\"status\":1}"))).isTrue();
    assertThat(tolerance("{type: regex, pattern: \"^DOWN\"}").accepts(http(200, "UP"))).isFalse();
  }

  @Test
  void should_follow_a_json_path_into_the_body() {
    String body = "{\"checks\":[{\"name\":\"db\",\"up\":true}],\"status\":\"UP\",\"count\":3}";
    assertThat(tolerance("{type: jsonpath, path: $.status, expect: UP}").accepts(http(200, body))).isTrue();
    assertThat(tolerance("{type: jsonpath, path: \"$.checks[0].up\"}").accepts(http(200, body))).isTrue();
    assertThat(tolerance("{type: jsonpath, path: $.count, expect: 3}").accepts(http(200, body))).isTrue();
    assertThat(tolerance("{type: jsonpath, path: $.status, expect: DOWN}").accepts(http(200, body))).isFalse();
    assertThat(tolerance("{type: jsonpath, path: $.missing}").accepts(http(200, body))).isFalse();
    assertThat(tolerance("{type: jsonpath, path: $.status}").accepts(http(200, "not json"))).isFalse();
  }
}
