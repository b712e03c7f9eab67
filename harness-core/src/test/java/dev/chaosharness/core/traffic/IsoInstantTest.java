package dev.chaosharness.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

  private final SplittableRandom random = new SplittableRandom(42);

  @Test
  void should_spell_every_instant_as_instant_to_string_does_when_formatting() {
    // given: whole seconds, milli-, micro- and nanosecond precision, years 1 to 9999 and beyond
    for (int i = 0; i < 200_000; i++) {
      Instant instant = randomInstant(i);
      StringBuilder s = new StringBuilder();
      // when
      IsoInstant.append(s, instant);
      // then
      assertThat(s.toString()).isEqualTo(instant.toString());
    }
  }

  @Test
  void should_read_back_what_instant_to_string_writes_when_parsing() {
    for (int i = 0; i < 200_000; i++) {
      // given
      Instant instant = randomInstant(i);
      // when / then
      assertThat(IsoInstant.parse(instant.toString())).isEqualTo(instant);
    }
  }

  @Test
  void should_agree_with_instant_parse_when_the_text_is_another_spelling() {
    // given: fractions of any length, a leap second, an offset, lower case, the end of a day, an empty fraction
    for (String text : new String[] {"2026-01-01T10:00:00.5Z", "2026-01-01T10:00:00.1234Z", "2016-12-31T23:59:60Z",
        "2026-01-01T10:00:00+02:00", "2026-01-01t10:00:00z", "+12026-01-01T10:00:00Z",
        "2026-01-01T24:00:00Z", "2026-01-01T10:00:00.Z"}) {
      // when / then
      assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void should_fail_as_instant_parse_does_when_the_text_is_no_instant() {
    for (String text : new String[] {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z",
        "2026-01-01T10:00:00.1234567890Z", "2026-01-01 10:00:00Z", "yesterday"}) {
      // when / then
      assertThatThrownBy(() -> IsoInstant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
    }
  }

  private Instant randomInstant(int i) {
    long seconds = switch (i % 5) {
      case 0 -> random.nextLong(-62_135_596_800L, 253_402_300_800L); // years 1 to 9999
      case 1 -> random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L); // beyond, both ways
      default -> random.nextLong(1_700_000_000L, 1_900_000_000L); // around now
    };
    int nanos = switch (i % 4) {
      case 0 -> 0;
      case 1 -> random.nextInt(1_000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1_000;
      default -> random.nextInt(1_000_000_000);
    };
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
