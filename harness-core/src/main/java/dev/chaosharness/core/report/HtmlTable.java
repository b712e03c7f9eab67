package dev.chaosharness.core.report;

/**
 * Builds one HTML table, escaping every cell that is not {@link Markup}. Not thread-safe.
 *
 * <pre>{@code
 * String html = HtmlTable.of("goals", "goal", "target").row("time-to-recover", "<= 20s").toHtml();
 * }</pre>
 */
final class HtmlTable {

  private final StringBuilder html = new StringBuilder();
  private int rows;

  private HtmlTable(String cssClass, String... headers) {
    html.append("<table class=\"").append(Html.escape(cssClass)).append("\">\n<thead><tr>");
    for (String header : headers) {
      html.append("<th>").append(Html.escape(header)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
  }

  /** Starts a table with CSS class {@code cssClass} and the given column headers. */
  static HtmlTable of(String cssClass, String... headers) {
    return new HtmlTable(cssClass, headers);
  }

  /** Adds a row; {@link Markup} cells go in as they are, others escaped. */
  HtmlTable row(Object... cells) {
    html.append("<tr>");
    for (Object cell : cells) {
      html.append("<td>").append(Markup.of(cell)).append("</td>");
    }
    html.append("</tr>\n");
    rows++;
    return this;
  }

  /** Returns how many rows were added. */
  int rows() {
    return rows;
  }

  /** Returns the table's markup. */
  String toHtml() {
    return html + "</tbody>\n</table>\n";
  }
}
