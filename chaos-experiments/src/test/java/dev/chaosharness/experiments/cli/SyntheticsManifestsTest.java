package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.ParseResult;

class SyntheticsManifestsTest {

  private static final Path K8S = Path.of("..", "deploy", "k8s");

  private static List<String> containerArgs(String file, String kind) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (YAMLParser parser = new YAMLFactory().createParser(K8S.resolve(file).toFile())) {
      for (JsonNode doc : yaml.readValues(parser, JsonNode.class).readAll()) {
        if (doc.path("kind").asText().equals(kind)) {
          JsonNode pod = kind.equals("CronJob") ? doc.at("/spec/jobTemplate/spec/template/spec") : doc.at("/spec/template/spec");
          List<String> args = new ArrayList<>();
          ((ArrayNode) pod.at("/containers/0/args")).forEach(a -> args.add(a.asText()));
          return args;
        }
      }
    }
    throw new AssertionError("no " + kind + " in " + file);
  }

  @ParameterizedTest
  @CsvSource({"synthetics-cronjob.yaml, CronJob, true", "synthetics-deployment.yaml, Deployment, false"})
  void should_hold_arguments_the_cli_accepts_when_a_manifest_runs_synthetics(String file, String kind, boolean once)
      throws Exception {
    // given
    List<String> args = containerArgs(file, kind);
    // when
    ParseResult parsed = HarnessCommand.commandLine().parseArgs(args.toArray(String[]::new));
    // then
    ParseResult synthetics = parsed.subcommand();
    assertThat(synthetics.commandSpec().name()).isEqualTo("synthetics");
    assertThat(synthetics.hasMatchedOption("--once")).isEqualTo(once);
    assertThat(synthetics.hasMatchedOption("--allow-production")).isTrue();
    assertThat(synthetics.<Double>matchedOptionValue("--rate", 0.0)).isLessThanOrEqualTo(2.0);
  }
}
