package dev.chaosharness.sample.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

  @Test
  void should_equal_instant_parse_when_parsing_what_instant_to_string_writes() {
    // given
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_000_000_000L, 253_000_000_000L);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);

      // when
      Instant parsed = UtcInstants.parse(instant.toString());

      // then
      assertThat(parsed).as(instant.toString()).isEqualTo(instant);
    }
  }

  @Test
  void should_answer_like_instant_parse_when_the_text_is_unusual_or_not_an_instant() {
    // given
    String[] texts = {"2026-01-02T03:04:05.1Z", "2026-01-02T03:04:05.12345Z", "2026-01-02T03:04:05+01:00",
        "+12026-01-02T03:04:05Z", "2026-01-02T03:04:60Z", "2026-13-02T03:04:05Z", "2026-02-30T03:04:05Z",
        "2026-01-02T24:04:05Z", "2026-01-02T24:00:00Z", "2026-01-02 03:04:05Z", "2026-01-02T03:04:05.Z",
        "2026-01-02T03:04:05.1234567890Z", "2026-0a-02T03:04:05Z", "2026-01-02T03:04:05z", "yesterday", ""};

    for (String text : texts) {
      // when
      Object expected = outcome(() -> Instant.parse(text));
      Object actual = outcome(() -> UtcInstants.parse(text));

      // then
      assertThat(actual).as(text).isEqualTo(expected);
    }
  }

  @Test
  void should_fail_naming_the_text_when_it_is_not_an_instant() {
    assertThatThrownBy(() -> UtcInstants.parse("2026-13-02T03:04:05Z"))
        .isInstanceOf(DateTimeParseException.class).hasMessageContaining("2026-13-02T03:04:05Z");
  }

  private static Object outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      return "rejected: " + e.getMessage();
    }
  }
}
