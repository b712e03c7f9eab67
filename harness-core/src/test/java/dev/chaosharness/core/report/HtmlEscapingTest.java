package dev.chaosharness.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.EventRef;
import dev.chaosharness.core.experiment.ActivityResult;
import dev.chaosharness.core.experiment.FaultWindow;
import dev.chaosharness.core.experiment.GoalResult;
import dev.chaosharness.core.experiment.HypothesisResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.ProbeResult;
import dev.chaosharness.core.experiment.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HtmlEscapingTest {

  private static final String TITLE = "<script>alert(\"t\")</script> & 'friends'";
  private static final String FAULT = "\"><img src=x onerror=alert(1)> on a->b";
  private static final String EXPLANATION = "</div></li><iframe src=//evil.example></iframe>";
  private static final String KEY = "</code><b>k</b>";
  private static final String OUTPUT = "</pre><script>fetch('//evil')</script>";

  @Test
  void should_escape_each_character_that_html_treats_as_markup() {
    // when
    String escaped = Html.escape("<a href=\"x\">Tom & 'Jerry'</a>");
    // then
    assertThat(escaped).isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  }

  @Test
  void should_replace_control_characters_and_lone_surrogates_when_html_forbids_them() {
    // when
    String escaped = Html.escape("bell\u0007 nul\u0000 c1\u0085 tab\t nl\n ok\uD83D\uDE00 lone\uD800 nonchar\uFFFF");
    // then
    assertThat(escaped).isEqualTo("bell\uFFFD nul\uFFFD c1\uFFFD tab\t nl\n ok\uD83D\uDE00 lone\uFFFD nonchar\uFFFD");
  }

  @Test
  void should_keep_markup_from_files_and_systems_as_text_when_it_is_embedded() {
    // given
    Journal journal = hostile();
    // when
    String html = HtmlReport.render(journal);
    ReportDom dom = ReportDom.parse(html);
    // then: nothing became an element, and every text reads back as it was given
    assertThat(dom.count("//script | //img | //iframe | //b | //@onerror")).isZero();
    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe");
    assertThat(dom.text("//h1")).isEqualTo(TITLE);
    assertThat(dom.text("//title")).isEqualTo("FAILED: " + TITLE + " \u2014 Chaos Harness report");
    assertThat(dom.text("//p[@class='description']")).isEqualTo("line one\uFFFD line two");
    assertThat(dom.texts("//rect[@class='fault-window']/@data-fault")).containsOnly(FAULT).hasSize(3);
    assertThat(dom.texts("//text[@class='fault-label']")).containsOnly(FAULT);
    assertThat(dom.text("//div[@class='explanation']")).isEqualTo(EXPLANATION);
    assertThat(dom.text("//code[@class='key']")).isEqualTo(KEY);
    assertThat(dom.text("//ul[@class='evidence']/li")).isEqualTo("Type<1>@t&1/0:7");
    assertThat(dom.text("//table[@class='activities method']//pre")).isEqualTo(OUTPUT);
    assertThat(dom.rows("probes")).containsExactly("<b>probe</b> | <i>1</i> | >= 'x' | no");
    assertThat(dom.rows("goals")).containsExactly("g&oal | <= 1s | \"never\" | missed");
    assertThat(dom.texts("//ul[@class='reasons']/li")).containsExactly(
        "run failed: <marquee>boom</marquee>",
        "invariants broken: 1 anomaly (K<ind> 1)",
        "goal g&oal missed: measured \"never\", target <= 1s");
    assertThat(dom.text("//footer")).isEqualTo("Chaos Harness report of <src>.yaml, run 2026-11-22T01:00:00Z.");
  }

  private static Journal hostile() {
    Journal base = TestJournals.healthy();
    Anomaly anomaly = new Anomaly("chk\"er", "K<ind>", KEY,
        List.of(new EventRef("t&1", 0, 7, "Type<1>", new UUID(1, 2))), EXPLANATION);
    HypothesisResult before = new HypothesisResult(TestJournals.at(7), false,
        List.of(new ProbeResult("<b>probe</b>", "<i>1</i>", ">= 'x'", false)));
    ActivityResult activity = new ActivityResult("<act>", "action", "process", false, TestJournals.at(8),
        TestJournals.at(9), OUTPUT, Optional.empty());
    return new Journal(TITLE, "line one\u0007 line two", "<src>.yaml", RunStatus.FAILED, false, base.start(), base.end(),
        base.phases(), Optional.of(before), Optional.empty(), List.of(activity), List.of(),
        List.of(new FaultWindow(FAULT, TestJournals.at(8.5), TestJournals.at(29))), base.timeline(), base.traffic(),
        base.recovery(), Optional.of(TestJournals.verdict(List.of(anomaly))),
        List.of(new GoalResult("g&oal", "<= 1s", "\"never\"", false)), Optional.of("<marquee>boom</marquee>"));
  }
}
