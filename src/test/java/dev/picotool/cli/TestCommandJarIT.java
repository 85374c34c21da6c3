package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar alone, copied to an empty directory outside the checkout, tests a configuration: the virtual Pico
 * comes out of the jar and runs on the machine's python3.
 */
class TestCommandJarIT {
    @TempDir
    Path dir;

    private record Run(int rc, String output) {
    }

    private Run java(Path cwd, String path, String... args) throws IOException, InterruptedException {
        Path jar = cwd.resolve("picotool-all.jar");
        if (!Files.exists(jar)) {
            Files.copy(Repo.root().resolve("target/picotool-all.jar"), jar);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", path);
        pb.environment().put("CI_WIFI_PW", "ci-secret-1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("picotool test finished").isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void theJarAloneTestsAConfigurationAndWritesJunit() throws Exception {
        Files.writeString(dir.resolve("ci.yaml"), "wifi:\n  ssid: CI\n  password_env: CI_WIFI_PW\nmqtt:\n"
                + "  broker: 10.0.0.5\ntopics:\n  internal: ci/cpu\n  temperature: ci/t\n  humidity: ci/h\n"
                + "payload: json\ninterval: 2\n");
        Run r = java(dir, System.getenv("PATH"), "test", "--config", "ci.yaml", "--report", "junit", "out.xml");
        assertThat(r.rc()).as(r.output()).isZero();
        assertThat(Files.readString(dir.resolve("out.xml"))).contains("name=\"ci/cpu\"", "name=\"ci/t\"",
                "name=\"ci/h\"").doesNotContain("<failure");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("picotool-all.jar",
                    "ci.yaml", "out.xml");
        }
    }

    @Test
    void withoutPython3ItSaysHowToInstallItBeforeStartingAnything() throws Exception {
        Files.writeString(dir.resolve("ci.yaml"), "wifi:\n  ssid: CI\n  password_env: CI_WIFI_PW\n");
        Run r = java(dir, dir.resolve("no-bin").toString(), "test", "--config", "ci.yaml");
        assertThat(r.rc()).as(r.output()).isEqualTo(4);
        assertThat(r.output()).contains("python3", "apt-get install python3").doesNotContain("==> starting");
    }
}
