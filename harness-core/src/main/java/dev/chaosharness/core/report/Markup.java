package dev.chaosharness.core.report;

import java.util.Objects;

/**
 * HTML the report built itself and that must not be escaped again; every other text a table or
 * section receives is escaped. Immutable and thread-safe.
 *
 * @param html the markup
 */
record Markup(String html) {

  /** Validates the field. */
  Markup {
    Objects.requireNonNull(html, "html must not be null");
  }

  /** Returns a green or red badge saying {@code yes} or {@code no}. */
  static Markup badge(boolean ok, String yes, String no) {
    return new Markup("<span class=\"badge " + (ok ? "ok" : "bad") + "\">" + Html.escape(ok ? yes : no) + "</span>");
  }

  /** Returns {@code text} escaped in a {@code <pre>} block, cut to {@code max} characters. */
  static Markup pre(String text, int max) {
    return new Markup(text.isEmpty() ? "" : "<pre>" + Html.escape(Html.truncate(text, max)) + "</pre>");
  }

  /** Returns the markup of a table cell: markup as is, anything else as escaped text. */
  static String of(Object cell) {
    return cell instanceof Markup markup ? markup.html() : Html.escape(String.valueOf(cell));
  }
}
