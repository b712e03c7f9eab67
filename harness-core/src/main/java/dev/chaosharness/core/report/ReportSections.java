package dev.chaosharness.core.report;

import static dev.chaosharness.core.report.Html.escape;

import dev.chaosharness.core.experiment.ActivityResult;
import dev.chaosharness.core.experiment.GoalResult;
import dev.chaosharness.core.experiment.HypothesisResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.ProbeResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Renders the report's tabular sections: the steady-state hypothesis before and after, the
 * method's and rollbacks' activities, and the goals. Stateless and thread-safe.
 */
final class ReportSections {

  /** How much of an activity's output or error the report shows. */
  static final int MAX_OUTPUT_CHARS = 2000;

  private ReportSections() {}

  /** Returns the steady-state section: one table for before the method, one for after recovery. */
  static String hypotheses(Journal journal) {
    return "<section id=\"steady-state\">\n<h2>Steady-state hypothesis</h2>\n"
        + hypothesis("before", "Before the method (baseline)", journal.steadyStateBefore(), journal)
        + hypothesis("after", "After recovery", journal.steadyStateAfter(), journal)
        + "</section>\n";
  }

  private static String hypothesis(String id, String title, Optional<HypothesisResult> result, Journal journal) {
    StringBuilder html = new StringBuilder("<div class=\"hypothesis\" id=\"steady-state-").append(id).append("\">\n<h3>")
        .append(escape(title));
    if (result.isEmpty()) {
      return html.append("</h3>\n<p class=\"empty\">Not checked.</p>\n</div>\n").toString();
    }
    HypothesisResult h = result.get();
    html.append(' ').append(Markup.badge(h.met(), "met", "not met").html()).append(" <small>at ")
        .append(escape(Format.offset(journal.start(), h.at()))).append("</small></h3>\n");
    HtmlTable table = HtmlTable.of("probes", "probe", "value", "tolerance", "tolerated");
    for (ProbeResult p : h.probes()) {
      table.row(p.name(), p.value(), p.tolerance(), Markup.badge(p.tolerated(), "yes", "no"));
    }
    html.append(h.probes().isEmpty() ? "<p class=\"empty\">No probes.</p>\n" : table.toHtml());
    return html.append("</div>\n").toString();
  }

  /** Returns the activities section: the method's activities, then the rollbacks'. */
  static String activities(Journal journal) {
    return "<section id=\"activities\">\n<h2>Activities</h2>\n"
        + activityTable("method", "Method", journal.run(), journal)
        + activityTable("rollbacks", "Rollbacks", journal.rollbacks(), journal)
        + "</section>\n";
  }

  private static String activityTable(String id, String title, List<ActivityResult> activities, Journal journal) {
    String heading = "<h3 id=\"activities-" + id + "\">" + escape(title) + "</h3>\n";
    if (activities.isEmpty()) {
      return heading + "<p class=\"empty\">None ran.</p>\n";
    }
    HtmlTable table = HtmlTable.of("activities " + id, "activity", "type", "provider", "status", "start", "took", "output");
    for (ActivityResult a : activities) {
      String output = a.error().map(e -> "error: " + e + (a.output().isEmpty() ? "" : "\n" + a.output())).orElse(a.output());
      table.row(a.name(), a.type(), a.provider(), Markup.badge(a.succeeded(), "succeeded", "failed"),
          Format.offset(journal.start(), a.start()), Format.duration(Duration.between(a.start(), a.end())),
          Markup.pre(output, MAX_OUTPUT_CHARS));
    }
    return heading + table.toHtml();
  }

  /** Returns the goals section: each goal's target, what was measured, and whether it was met. */
  static String goals(Journal journal) {
    StringBuilder html = new StringBuilder("<section id=\"goals\">\n<h2>Goals</h2>\n");
    if (journal.goals().isEmpty()) {
      return html.append("<p class=\"empty\">No goals were set.</p>\n</section>\n").toString();
    }
    HtmlTable table = HtmlTable.of("goals", "goal", "target", "measured", "result");
    for (GoalResult g : journal.goals()) {
      table.row(g.name(), g.target(), g.measured(), Markup.badge(g.met(), "met", "missed"));
    }
    return html.append(table.toHtml()).append("</section>\n").toString();
  }
}
