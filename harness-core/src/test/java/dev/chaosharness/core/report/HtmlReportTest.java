package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.TestJournals.FAULT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.RunStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void should_show_a_passed_verdict_with_the_run_facts_when_the_run_was_healthy() {
    // given
    Journal journal = TestJournals.healthy();
    // when
    ReportDom dom = ReportDom.parse(HtmlReport.render(journal));
    // then
    assertThat(dom.text("//title")).isEqualTo("PASSED: Payment provider latency \u2014 Chaos Harness report");
    assertThat(dom.text("//h1")).isEqualTo("Payment provider latency");
    assertThat(dom.text("//div[@id='verdict']/@class")).isEqualTo("verdict passed");
    assertThat(dom.text("//span[@class='verdict-label']")).isEqualTo("PASSED");
    assertThat(dom.texts("//ul[@class='reasons']/li")).containsExactly(
        "completed; steady-state hypothesis held; invariants held over 1200 events and 300 sagas; the goal was met");
    assertThat(dom.texts("//dl[@class='facts']/dt")).containsExactly("status", "deviated", "duration", "start", "end",
        "source", "time to detect", "time to recover", "impact", "first failing probe");
    assertThat(dom.texts("//dl[@class='facts']/dd")).containsExactly("completed", "no", "56.0 s",
        "2026-11-22T01:00:00Z", "2026-11-22T01:00:56Z", "catalog/payment-latency.yaml", "2.5 s", "4.0 s", "22.0 s",
        "requests.success_ratio >= 0.95 over 3.0 s");
  }

  @Test
  void should_draw_three_charts_with_the_fault_window_and_markers_when_the_timeline_has_samples() {
    // given
    Journal journal = TestJournals.healthy();
    // when
    ReportDom dom = ReportDom.parse(HtmlReport.render(journal));
    // then: the run spans 56 s over pixels 64..944, so +8.5 s is at 197.6 and +29 s at 519.7
    assertThat(dom.texts("//svg[@class='chart']/@id")).containsExactly("chart-rate", "chart-success", "chart-latency");
    assertThat(dom.texts("//figcaption")).containsExactly("Request rate rate", "Success ratio success ratio",
        "Latency p50 p99");
    for (String chart : List.of("chart-rate", "chart-success", "chart-latency")) {
      String svg = "//svg[@id='" + chart + "']";
      assertThat(dom.count(svg + "//rect[@class='fault-window']")).isEqualTo(1);
      assertThat(dom.text(svg + "//rect[@class='fault-window']/@data-fault")).isEqualTo(FAULT);
      assertThat(dom.text(svg + "//rect[@class='fault-window']/@x")).isEqualTo("197.6");
      assertThat(dom.text(svg + "//rect[@class='fault-window']/@width")).isEqualTo("322.1");
      assertThat(dom.text(svg + "//rect[@class='fault-window']/title")).isEqualTo(FAULT + " (+8.5 s to +29.0 s)");
      assertThat(dom.texts(svg + "//text[@class='fault-label']")).containsExactly(FAULT);
      assertThat(dom.texts(svg + "//line[contains(@class,'marker')]/@x1")).containsExactly("236.9", "582.6");
      assertThat(dom.texts(svg + "//text[contains(@class,'marker-label')]"))
          .containsExactly("detected +11.0 s", "recovered +33.0 s");
      assertThat(dom.count(svg + "//rect[@class='hover-column']")).isEqualTo(54);
      assertThat(dom.texts(svg + "//text[contains(@class,'tick-x')]"))
          .containsExactly("+0 s", "+10 s", "+20 s", "+30 s", "+40 s", "+50 s");
    }
    assertThat(dom.text("//svg[@id='chart-rate']//path/@d")).startsWith("M95.4 14.0 L111.1 14.0 L126.9 14.0");
    assertThat(dom.text("//svg[@id='chart-rate']//rect[@class='hover-column']/title")).isEqualTo("+2.0 s rate: 20.0 req/s");
    assertThat(dom.texts("//svg[@id='chart-success']//text[contains(@class,'tick-y')]"))
        .containsExactly("0", "0.250", "0.500", "0.750", "1.0");
    assertThat(dom.text("//svg[@id='chart-success']//path/@d")).contains("L205.4 14.0 L221.1 88.4");
    assertThat(dom.texts("//svg[@id='chart-latency']//path/@data-series")).containsExactly("p50", "p99");
    assertThat(dom.texts("//svg[@id='chart-latency']//text[contains(@class,'tick-y')]"))
        .containsExactly("0", "500", "1000", "1500", "2000");
    assertThat(dom.rows("faults")).containsExactly(FAULT + " | +8.5 s | +29.0 s | 20.5 s");
  }

  @Test
  void should_show_phases_hypotheses_activities_goals_and_traffic_when_the_run_was_healthy() {
    // given
    Journal journal = TestJournals.healthy();
    // when
    ReportDom dom = ReportDom.parse(HtmlReport.render(journal));
    // then
    assertThat(dom.count("//svg[@class='phase-bar']/rect")).isEqualTo(9);
    assertThat(dom.texts("//svg[@class='phase-bar']/text"))
        .containsExactly("warm-up", "observe", "recover", "drain-and-check");
    assertThat(dom.texts("//ol[@class='phase-list']/li")).hasSize(9)
        .startsWith("environment +0.0 s \u2192 +1.0 s (1.0 s)").endsWith("report +55.0 s \u2192 +56.0 s (1.0 s)");
    assertThat(dom.text("//div[@id='steady-state-before']/h3")).isEqualTo("Before the method (baseline) met at +7.0 s");
    assertThat(dom.rows("probes"))
        .containsExactly("order-healthy | 200 | 200 | yes", "success-ratio | 1.0 | [0.95, 1.0] | yes",
            "order-healthy | 200 | 200 | yes", "success-ratio | 1.0 | [0.95, 1.0] | yes");
    assertThat(dom.rows("activities method")).containsExactly(
        "slow-provider | action | fault | succeeded | +8.5 s | 0.1 s | injected " + FAULT,
        "run-script | action | process | succeeded | +8.6 s | 0.1 s | exit 0");
    assertThat(dom.rows("activities rollbacks"))
        .containsExactly("reset-provider | action | http | succeeded | +29.0 s | 0.2 s | 200 OK");
    assertThat(dom.text("//p[@class='invariant-summary']"))
        .isEqualTo("held 1200 events, 300 sagas; checkers: ordering, idempotency, no-loss, compensation");
    assertThat(dom.count("//ol[@class='anomalies']")).isZero();
    assertThat(dom.rows("goals")).containsExactly("time-to-recover | <= 20s | 4.0s | met");
    assertThat(dom.rows("traffic-summary")).containsExactly(
        "plan | place-order at 20.0/s (constant) for PT50S against http://127.0.0.1:8080, seed 42",
        "status | completed", "arrivals | 1000", "requests | 1000 (96 failed)", "requests ok | 904",
        "requests client-error | 0",
        "requests server-error | 96", "requests no-response | 0", "orders COMPLETED | 904", "orders FAILED | 96",
        "rate intended / achieved | 20.0 / 19.9 per s (99.5 %)", "latency p50 | 14 ms", "latency p90 | 800 ms",
        "latency p95 | 900 ms", "latency p99 | 1450 ms", "latency max | 2100 ms", "send lag p99 | 3 ms");
    assertThat(dom.rows("traffic-assertions"))
        .containsExactly("p99 latency <= 2000 ms | 1450 ms | passed");
  }

  @Test
  void should_need_nothing_from_the_network_when_opened() {
    // given
    String html = HtmlReport.render(TestJournals.healthy());
    // when
    ReportDom dom = ReportDom.parse(html);
    // then
    assertThat(dom.count("//script | //link | //img | //iframe | //object | //@src | //@href")).isZero();
    assertThat(dom.text("//meta[@http-equiv='Content-Security-Policy']/@content"))
        .isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
    assertThat(html).doesNotContain("@import").doesNotContain("url(http").doesNotContain("url(/");
    assertThat(HtmlReport.render(TestJournals.healthy())).isEqualTo(html);
  }

  @Test
  void should_say_why_it_failed_when_deviated_with_broken_invariants_and_a_missed_goal() {
    // given
    Journal journal = TestJournals.failed(TestJournals.anomalies(4, 2));
    // when
    ReportDom dom = ReportDom.parse(HtmlReport.render(journal));
    // then
    assertThat(dom.text("//div[@id='verdict']/@class")).isEqualTo("verdict failed");
    assertThat(dom.text("//span[@class='verdict-label']")).isEqualTo("FAILED");
    assertThat(dom.texts("//ul[@class='reasons']/li")).containsExactly(
        "steady-state hypothesis not met after recovery: success-ratio was 0.62, tolerance [0.95, 1.0]",
        "invariants broken: 4 anomalies (DUPLICATE_EFFECT 3, LOST 1)",
        "goal time-to-recover missed: measured never recovered, target <= 20s");
    assertThat(dom.text("//div[@id='steady-state-after']/h3")).isEqualTo("After recovery not met at +45.0 s");
    assertThat(dom.text("//p[@class='invariant-summary']/span")).isEqualTo("broken");
    assertThat(dom.rows("anomaly-counts")).containsExactly("DUPLICATE_EFFECT | 3", "LOST | 1");
    assertThat(dom.count("//ol[@class='anomalies']/li")).isEqualTo(4);
    String first = "//ol[@class='anomalies']/li[1]";
    assertThat(dom.text(first + "/@data-kind")).isEqualTo("DUPLICATE_EFFECT");
    assertThat(dom.text(first + "/span[@class='checker']")).isEqualTo("[idempotency]");
    assertThat(dom.text(first + "/code[@class='key']")).isEqualTo("order-0");
    assertThat(dom.text(first + "/div[@class='explanation']")).isEqualTo("payment charged twice for order-0");
    assertThat(dom.texts(first + "/ul[@class='evidence']/li"))
        .containsExactly("PaymentProcessed@payments.events/0:0", "PaymentProcessed@payments.events/0:1");
    assertThat(dom.text(first + "//code/@title")).isEqualTo("event id 00000000-0000-0000-0000-000000000000");
    assertThat(dom.text("//ol[@class='anomalies']/li[4]/div[@class='explanation']"))
        .isEqualTo("accepted order order-3 has no event");
    assertThat(dom.rows("goals"))
        .containsExactly("time-to-detect | <= 10s | 2.5s | met",
            "time-to-recover | <= 20s | never recovered | missed");
    assertThat(dom.count("//p[@class='more']")).isZero();
  }

  @Test
  void should_list_fifty_anomalies_and_count_the_rest_when_there_are_many() {
    // given: 57 anomalies with 13 events of evidence each
    Journal journal = TestJournals.failed(TestJournals.anomalies(57, 13));
    // when
    ReportDom dom = ReportDom.parse(HtmlReport.render(journal));
    // then
    assertThat(dom.count("//ol[@class='anomalies']/li")).isEqualTo(50);
    assertThat(dom.texts("//section[@id='invariants']/p[@class='more']")).containsExactly("and 7 more anomalies");
    assertThat(dom.count("//ol[@class='anomalies']/li[1]/ul[@class='evidence']/li")).isEqualTo(10);
    assertThat(dom.texts("//ol[@class='anomalies']/li[1]/p[@class='more']")).containsExactly("and 3 more events");
    assertThat(dom.rows("anomaly-counts")).containsExactly("DUPLICATE_EFFECT | 56", "LOST | 1");
  }

  @Test
  void should_give_the_abort_reason_when_the_run_was_aborted() {
    // given
    Journal journal = TestJournals.journal("Aborted", RunStatus.ABORTED, false, Optional.empty(), List.of(),
        Optional.of("requests.success_ratio below 0.1 for 10s"));
    // when
    ReportDom dom = ReportDom.parse(HtmlReport.render(journal));
    // then
    assertThat(dom.texts("//ul[@class='reasons']/li")).containsExactly("run aborted: requests.success_ratio below 0.1 for 10s");
    assertThat(dom.text("//dl[@class='facts']/dt[.='reason']/following-sibling::dd[1]"))
        .isEqualTo("requests.success_ratio below 0.1 for 10s");
    assertThat(dom.text("//section[@id='invariants']/p")).isEqualTo("Not checked.");
  }

  @Test
  void should_render_every_section_as_empty_when_the_run_was_aborted_before_anything_ran() {
    // given
    Journal journal = TestJournals.empty();
    // when
    ReportDom dom = ReportDom.parse(HtmlReport.render(journal));
    // then
    assertThat(dom.text("//span[@class='verdict-label']")).isEqualTo("FAILED");
    assertThat(dom.texts("//ul[@class='reasons']/li")).containsExactly("run aborted: target did not answer: connection refused");
    assertThat(dom.count("//svg")).isZero();
    assertThat(dom.texts("//main/section/@id"))
        .containsExactly("phases", "timeline", "steady-state", "activities", "invariants", "goals", "traffic");
    assertThat(dom.texts("//p[@class='empty']")).containsExactly("No phase ran.",
        "No KPI samples: the run had no traffic or ended before the first sample.", "No fault was injected.",
        "Not checked.", "Not checked.", "None ran.", "None ran.", "Not checked.", "No goals were set.",
        "The experiment had no traffic.");
    assertThat(dom.text("//dl[@class='facts']/dt[.='duration']/following-sibling::dd[1]")).isEqualTo("0.0 s");
    assertThat(dom.count("//p[@class='description']")).isZero();
  }
}
