package dev.chaosharness.core.experiment;

/** Text helpers for outputs. */
final class Outputs {

  private Outputs() {}

  static String abbreviate(String text) {
    String one = text.replaceAll("\\s+", " ");
    return one.length() <= 200 ? one : one.substring(0, 200) + "...";
  }
}
