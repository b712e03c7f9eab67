package dev.chaosharness.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.experiment.Journal;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a rendered report in headless Chromium (Debian package {@code chromium}): the page must
 * show the verdict, the charts with their fault windows and the anomaly, with nothing blocked by
 * its Content-Security-Policy. Skipped when no chromium is installed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HtmlReportBrowserTest {

  private static final Duration CHROMIUM_TIMEOUT = Duration.ofSeconds(45);
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 2400;

  @TempDir
  Path dir;

  private HeadlessChromium chromium;
  private Path report;

  @BeforeEach
  void renderAFailedRun() {
    chromium = HeadlessChromium.find(dir).orElse(null);
    Assumptions.assumeTrue(chromium != null, "no chromium executable on the PATH (apt-get install -y chromium)");
    Journal journal = TestJournals.failed(TestJournals.anomalies(4, 2));
    report = dir.resolve("report.html");
    HtmlReport.write(journal, report);
  }

  @Test
  void should_show_the_verdict_charts_fault_windows_and_anomaly_when_chromium_parses_the_page() throws Exception {
    // when
    HeadlessChromium.Output output = chromium.run(CHROMIUM_TIMEOUT, List.of("--dump-dom", report.toUri().toString()));
    // then: the dumped DOM is what the browser built, so the SVG and tables became elements
    String dom = output.stdout();
    assertThat(dom).contains("<div id=\"verdict\" class=\"verdict failed\"><span class=\"verdict-label\">FAILED</span>");
    assertThat(count(dom, "<svg class=\"chart\" id=\"chart-")).isEqualTo(3);
    assertThat(count(dom, "<rect class=\"fault-window\" data-fault=\"" + TestJournals.FAULT.replace(">", "&gt;") + "\""))
        .isEqualTo(3);
    assertThat(count(dom, "<line class=\"marker marker-detected\"")).isEqualTo(3);
    assertThat(count(dom, "<path class=\"line s-p99\"")).isEqualTo(1);
    assertThat(dom).contains("<li class=\"anomaly\" data-kind=\"DUPLICATE_EFFECT\">")
        .contains("<div class=\"explanation\">payment charged twice for order-0</div>")
        .contains("<li><code title=\"event id 00000000-0000-0000-0000-000000000000\">PaymentProcessed@payments.events/0:0</code></li>");
    assertThat(output.stderr()).doesNotContain("Content Security Policy").doesNotContain("Uncaught");
  }

  @Test
  void should_paint_the_red_verdict_and_shaded_fault_windows_when_chromium_takes_a_screenshot() throws Exception {
    // given
    Path png = dir.resolve("report.png");
    // when
    chromium.run(CHROMIUM_TIMEOUT, List.of("--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT,
        "--hide-scrollbars", report.toUri().toString()));
    // then
    assertThat(png).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    assertThat(Files.size(png)).isGreaterThan(20_000);
    assertThat(distinctColours(image)).isGreaterThan(64);
    // the FAILED banner (#b91c1c) and the fault windows' amber wash (#f59e0b at 20 % over white)
    assertThat(pixelsNear(image, 0xb91c1c, 8)).isGreaterThan(5_000);
    assertThat(pixelsNear(image, 0xfdecce, 8)).isGreaterThan(20_000);
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours.size();
  }

  private static int pixelsNear(BufferedImage image, int rgb, int tolerance) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (near(p >> 16, rgb >> 16, tolerance) && near(p >> 8, rgb >> 8, tolerance) && near(p, rgb, tolerance)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean near(int a, int b, int tolerance) {
    return Math.abs((a & 0xff) - (b & 0xff)) <= tolerance;
  }
}
