package dev.chaosharness.core.experiment;

import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.fault.HttpDependency;
import dev.chaosharness.core.traffic.Traffic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What one run works with, from the runner's builder. */
record RunSettings(Environment environment, Optional<Traffic> traffic, Path outputDirectory, RunListener listener,
    Clock clock, Map<String, HttpDependency> httpDependencies, Duration healthTimeout) {}
