package dev.chaosharness.core.report;

/**
 * Escapes text for HTML and inline SVG, in element content and in quoted attribute values alike.
 *
 * <p>Every text the report embeds goes through {@link #escape(String)}: titles, explanations and
 * outputs come from experiment files and from the system under test. Stateless and thread-safe.
 */
final class Html {

  private Html() {}

  /**
   * Returns {@code text} with {@code & < > " '} replaced by character references, and with the
   * characters that HTML and XML forbid (control characters but tab, newline and carriage
   * return; U+FFFE, U+FFFF; unpaired surrogates) replaced by U+FFFD, so the page also parses as XML.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(allowed(c) ? c : '\uFFFD');
          }
        }
      }
    }
    return out.toString();
  }

  /** Returns {@code text} cut to {@code max} characters with an ellipsis when longer (not escaped). */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  private static boolean allowed(char c) {
    return c == '\t' || c == '\n' || c == '\r'
        || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF);
  }
}
