package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir Path tmp;

  private ClassDataSharing sharing() {
    return new ClassDataSharing(tmp.resolve("cds"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private Path jar(String name, String content) throws IOException {
    Path jar = tmp.resolve(name);
    Files.writeString(jar, content);
    return jar;
  }

  /** Simulates the child JVM writing its archive at exit. */
  private static Path writeRecording(ClassDataSharing.Plan plan) throws IOException {
    String option = plan.jvmOptions().get(0);
    assertThat(option).startsWith("-XX:ArchiveClassesAtExit=");
    Path recording = Path.of(option.substring(option.indexOf('=') + 1));
    Files.writeString(recording, "archive");
    return recording;
  }

  @Test
  void should_share_nothing_when_the_classpath_holds_a_folder() throws IOException {
    // given
    String classpath = jar("a.jar", "a") + File.pathSeparator + Files.createDirectory(tmp.resolve("classes"));
    // when
    ClassDataSharing.Plan plan = sharing().plan("com.example.Main", classpath, code -> true);
    // then
    assertThat(plan.jvmOptions()).isEmpty();
    assertThat(plan.mapsArchive()).isFalse();
    plan.afterExit(0);
    assertThat(tmp.resolve("cds")).doesNotExist();
  }

  @Test
  void should_record_then_map_when_the_first_run_was_complete() throws IOException {
    // given
    String classpath = jar("a.jar", "a").toString();
    ClassDataSharing.Plan first = sharing().plan("com.example.Main", classpath, code -> code == 0);
    Path recording = writeRecording(first);
    // when
    first.afterExit(0);
    ClassDataSharing.Plan second = sharing().plan("com.example.Main", classpath, code -> code == 0);
    // then
    assertThat(recording).doesNotExist();
    assertThat(second.mapsArchive()).isTrue();
    assertThat(second.jvmOptions()).hasSize(3);
    Path archive = Path.of(second.jvmOptions().get(0).replaceFirst("^-XX:SharedArchiveFile=", ""));
    assertThat(archive).hasContent("archive");
    assertThat(archive.getParent()).isEqualTo(tmp.resolve("cds"));
    assertThat(archive.getFileName().toString()).matches("com\\.example\\.Main-[0-9a-f]{16}\\.jsa");
    assertThat(second.jvmOptions()).endsWith("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  @Test
  void should_drop_the_recording_when_the_predicate_rejects_the_exit_code() throws IOException {
    // given
    String classpath = jar("a.jar", "a").toString();
    ClassDataSharing.Plan first = sharing().plan("com.example.Main", classpath, code -> code == 0);
    Path recording = writeRecording(first);
    // when
    first.afterExit(1);
    // then
    assertThat(recording).doesNotExist();
    assertThat(sharing().plan("com.example.Main", classpath, code -> true).mapsArchive()).isFalse();
  }

  @Test
  void should_keep_the_first_archive_when_afterExit_runs_again_or_another_run_kept_one()
      throws IOException {
    // given
    String classpath = jar("a.jar", "a").toString();
    ClassDataSharing.Plan first = sharing().plan("com.example.Main", classpath, code -> true);
    ClassDataSharing.Plan second = sharing().plan("com.example.Main", classpath, code -> true);
    writeRecording(first);
    Path otherRecording = writeRecording(second);
    Files.writeString(otherRecording, "other");
    // when
    first.afterExit(0);
    first.afterExit(0);
    second.afterExit(0);
    // then
    ClassDataSharing.Plan third = sharing().plan("com.example.Main", classpath, code -> true);
    assertThat(Path.of(third.jvmOptions().get(0).replaceFirst("^-XX:SharedArchiveFile=", "")))
        .hasContent("archive");
    assertThat(otherRecording).doesNotExist();
  }

  @Test
  void should_use_separate_archives_when_the_main_class_or_a_jar_differs() throws IOException {
    // given
    Path jar = jar("harness.jar", "v1");
    ClassDataSharing.Plan broker = sharing().plan("kafka.Kafka", jar.toString(), code -> true);
    ClassDataSharing.Plan gatling = sharing().plan("io.gatling.app.Gatling", jar.toString(), code -> true);
    // when
    Files.writeString(jar, "v2, rebuilt");
    ClassDataSharing.Plan rebuilt = sharing().plan("kafka.Kafka", jar.toString(), code -> true);
    // then
    assertThat(broker.jvmOptions().get(0)).contains("/kafka.Kafka-");
    assertThat(gatling.jvmOptions().get(0)).contains("/io.gatling.app.Gatling-");
    assertThat(archiveName(rebuilt)).isNotEqualTo(archiveName(broker));
  }

  private static String archiveName(ClassDataSharing.Plan plan) {
    return plan.jvmOptions().get(0).replaceFirst("\\.recording-.*$", "");
  }

  @Test
  void should_delete_the_same_main_class_archives_unused_for_an_hour_when_recording_a_new_one()
      throws IOException {
    // given
    Path cds = Files.createDirectories(tmp.resolve("cds"));
    Path old = Files.writeString(cds.resolve("kafka.Kafka-0123456789abcdef.jsa"), "old");
    Path recent = Files.writeString(cds.resolve("kafka.Kafka-1123456789abcdef.jsa"), "recent");
    Path other = Files.writeString(cds.resolve("io.gatling.app.Gatling-0123456789abcdef.jsa"), "x");
    Files.setLastModifiedTime(old, FileTime.from(NOW.minus(61, ChronoUnit.MINUTES)));
    Files.setLastModifiedTime(recent, FileTime.from(NOW.minus(59, ChronoUnit.MINUTES)));
    Files.setLastModifiedTime(other, FileTime.from(NOW.minus(2, ChronoUnit.HOURS)));
    ClassDataSharing.Plan plan = sharing().plan("kafka.Kafka", jar("a.jar", "a").toString(), code -> true);
    writeRecording(plan);
    // when
    plan.afterExit(143);
    // then
    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(other).exists();
  }

  @Test
  void should_mark_an_archive_used_when_mapping_it() throws IOException {
    // given
    String classpath = jar("a.jar", "a").toString();
    ClassDataSharing.Plan first = sharing().plan("com.example.Main", classpath, code -> true);
    writeRecording(first);
    first.afterExit(0);
    Path archive = Path.of(archiveName(first).replaceFirst("^-XX:ArchiveClassesAtExit=", ""));
    Files.setLastModifiedTime(archive, FileTime.from(NOW.minus(3, ChronoUnit.HOURS)));
    // when
    sharing().plan("com.example.Main", classpath, code -> true);
    // then
    assertThat(Files.getLastModifiedTime(archive).toInstant()).isEqualTo(NOW);
  }

  @Test
  void should_share_nothing_when_the_archive_folder_cannot_be_created() throws IOException {
    // given
    Path blocked = Files.writeString(tmp.resolve("not-a-folder"), "file");
    ClassDataSharing sharing = new ClassDataSharing(blocked.resolve("cds"), Clock.systemUTC());
    // when
    ClassDataSharing.Plan plan = sharing.plan("com.example.Main", jar("a.jar", "a").toString(), code -> true);
    // then
    assertThat(plan.jvmOptions()).isEmpty();
  }

  @Test
  void should_count_only_exits_through_the_jvm_exit_path_as_normal() {
    assertThat(List.of(0, 1, 2, 127, 129, 130, 143))
        .allMatch(ClassDataSharing::normalExit);
    assertThat(List.of(-1, 128, 134, 137, 139, 255))
        .noneMatch(ClassDataSharing::normalExit);
  }

  @Test
  void should_load_the_main_class_from_the_archive_when_a_real_jvm_runs_a_second_time()
      throws Exception {
    // given
    String classpath = helloJar().toString();
    ClassDataSharing.Plan first = sharing().plan("Hello", classpath, ClassDataSharing::normalExit);
    first.afterExit(run(first, classpath).exitCode());
    // when
    ClassDataSharing.Plan second = sharing().plan("Hello", classpath, ClassDataSharing::normalExit);
    Result result = run(second, classpath);
    // then
    assertThat(second.mapsArchive()).isTrue();
    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("Hello source: shared objects file (top)");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(ClassDataSharing.Plan plan, String classpath) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
        "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info"));
    command.addAll(plan.jvmOptions());
    command.addAll(List.of("-cp", classpath, "Hello"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java Hello ended").isTrue();
    return new Result(process.exitValue(), output);
  }

  private Path helloJar() throws IOException {
    Path source = Files.writeString(tmp.resolve("Hello.java"),
        "public class Hello { public static void main(String[] a) { System.out.println(\"hi\"); } }");
    int compiled = ToolProvider.getSystemJavaCompiler()
        .run(null, null, null, "-d", tmp.toString(), source.toString());
    assertThat(compiled).isZero();
    Path jar = tmp.resolve("hello.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("Hello.class"));
      Files.copy(tmp.resolve("Hello.class"), (OutputStream) out);
      out.closeEntry();
    }
    return jar;
  }
}
