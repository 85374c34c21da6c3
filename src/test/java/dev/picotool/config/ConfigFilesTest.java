package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void theGivenFileWinsThenTheWorkingDirectoryThenXdgThenDotConfig() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("project"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path xdg = Files.createDirectories(dir.resolve("xdg/picotool"));
        ConfigFiles files = new ConfigFiles(cwd, Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), home);
        assertThat(files.choose(Optional.empty())).isEmpty();
        Files.createDirectories(home.resolve(".config/picotool"));
        Files.writeString(home.resolve(".config/picotool/picotool.yaml"), "");
        assertThat(files.choose(Optional.empty())).isEmpty(); // XDG_CONFIG_HOME is set: ~/.config is not read
        assertThat(new ConfigFiles(cwd, Map.of(), home).choose(Optional.empty()))
                .contains(home.resolve(".config/picotool/picotool.yaml"));
        Files.writeString(xdg.resolve("picotool.yaml"), "");
        assertThat(files.choose(Optional.empty())).contains(xdg.resolve("picotool.yaml"));
        Files.writeString(cwd.resolve("picotool.yaml"), "");
        assertThat(files.choose(Optional.empty())).contains(cwd.resolve("picotool.yaml"));
        assertThat(files.choose(Optional.of(Path.of("/given.yaml")))).contains(Path.of("/given.yaml"));
        assertThat(ConfigFiles.none().choose(Optional.empty())).isEmpty();
    }
}
