package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.TestJournals.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.experiment.FaultWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

  private static final TimeScale TEN_SECONDS = new TimeScale(at(0), at(10), SvgChart.LEFT, SvgChart.RIGHT);

  private static ReportDom chart(double[] values, List<FaultWindow> windows) {
    ChartFrame frame = new ChartFrame(TEN_SECONDS, at(0), List.of(at(1), at(2), at(3), at(4)), Duration.ofSeconds(1),
        windows, List.of());
    ChartSpec spec = new ChartSpec("c", "Chart", "u", Double.NaN, List.of(new Series("s", "s-rate", values)));
    return ReportDom.parse(SvgChart.render(spec, frame));
  }

  @Test
  void should_break_the_line_when_a_sample_has_no_value() {
    // when: 10 s over 880 px is 88 px a second; the values fit a scale of 0..5 over 186 px
    ReportDom dom = chart(new double[] {1, Double.NaN, 2, 5}, List.of());
    // then
    assertThat(dom.text("//path/@d")).isEqualTo("M152.0 162.8 M328.0 125.6 L416.0 14.0");
    assertThat(dom.count("//circle")).isEqualTo(3);
    assertThat(dom.texts("//rect[@class='hover-column']/title")).containsExactly("+1.0 s s: 1.0 u", "+2.0 s s: n/a",
        "+3.0 s s: 2.0 u", "+4.0 s s: 5.0 u");
  }

  @Test
  void should_draw_axes_without_a_line_when_no_sample_has_a_value() {
    // when
    ReportDom dom = chart(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, List.of());
    // then
    assertThat(dom.count("//path")).isZero();
    assertThat(dom.texts("//text[contains(@class,'tick-y')]")).containsExactly("0", "0.250", "0.500", "0.750", "1.0");
  }

  @Test
  void should_clamp_a_fault_window_to_the_chart_when_it_outlasts_the_run() {
    // when
    ReportDom dom = chart(new double[] {1, 1, 1, 1}, List.of(new FaultWindow("f", at(-5), at(30))));
    // then
    assertThat(dom.text("//rect[@class='fault-window']/@x")).isEqualTo("64.0");
    assertThat(dom.text("//rect[@class='fault-window']/@width")).isEqualTo("880.0");
    assertThat(dom.text("//rect[@class='fault-window']/title")).isEqualTo("f (-5.0 s to +30.0 s)");
  }

  @Test
  void should_round_the_value_axis_up_to_a_readable_number() {
    assertThat(ValueScale.roundUp(1450)).isEqualTo(2000);
    assertThat(ValueScale.roundUp(20)).isEqualTo(20);
    assertThat(ValueScale.roundUp(21)).isEqualTo(25);
    assertThat(ValueScale.roundUp(0.3)).isEqualTo(0.5);
    assertThat(ValueScale.roundUp(0)).isEqualTo(1);
    assertThat(ValueScale.roundUp(Double.NaN)).isEqualTo(1);
  }

  @Test
  void should_pick_a_tick_step_that_keeps_at_most_ten_ticks() {
    assertThat(new TimeScale(at(0), at(56), 0, 1).tickStep(10)).isEqualTo(Duration.ofSeconds(10));
    assertThat(new TimeScale(at(0), at(9), 0, 1).tickStep(10)).isEqualTo(Duration.ofSeconds(1));
    assertThat(new TimeScale(at(0), at(3600), 0, 1).tickStep(10)).isEqualTo(Duration.ofMinutes(10));
    assertThat(Format.tick(at(0), at(1800))).isEqualTo("+30 min");
    assertThat(Format.tick(at(0), at(630))).isEqualTo("+10 min 30 s");
  }

  @Test
  void should_widen_an_instant_run_to_one_second_and_refuse_an_empty_scale() {
    assertThat(TimeScale.covering(at(0), at(0), 0, 100).to()).isEqualTo(at(1));
    assertThatThrownBy(() -> new TimeScale(at(1), at(1), 0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time scale must end after it starts, but was 2026-11-22T01:00:01Z .. 2026-11-22T01:00:01Z");
  }
}
