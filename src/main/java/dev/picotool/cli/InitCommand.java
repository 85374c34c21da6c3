package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.Version;
import dev.picotool.board.Board;
import dev.picotool.board.BoardId;
import dev.picotool.board.Boards;
import dev.picotool.board.SensorPower;
import dev.picotool.board.SensorSpec;
import dev.picotool.board.Style;
import dev.picotool.board.WiringDiagram;
import dev.picotool.board.WiringPlan;
import dev.picotool.config.ConfigFiles;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.LanAddresses;
import dev.picotool.config.RawSettings;
import dev.picotool.setup.AnswerSecrets;
import dev.picotool.setup.ConfigYaml;
import dev.picotool.setup.SecretsFile;
import dev.picotool.setup.WifiNetworks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool init}: asks for the settings and writes picotool.yaml, passwords kept apart. */
@Command(name = "init", sortOptions = false, description = "Ask for the Wi-Fi network and password, the broker, the "
        + "sensor and its pin, the interval and Home Assistant discovery, each checked as it is typed, then write "
        + "picotool.yaml (passwords go to owner-only files it names) and show the wiring. Every setting's flag "
        + "answers its question; --yes asks nothing.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Option(names = "--yes", description = "Ask nothing: take the flags, and defaults for the rest.")
    boolean yes;

    @Option(names = "--force", description = "Replace an existing settings file.")
    boolean force;

    @Option(names = "--secrets-dir", paramLabel = "DIR", description = "Where the password files go (default "
            + "~/.config/picotool, or $XDG_CONFIG_HOME/picotool).")
    Path secretsDir;

    @Option(names = "--board", paramLabel = "BOARD", defaultValue = "pico_w",
            description = "pico_w (default) or pico2_w: whose pins the sensor pin is checked against.")
    String board;

    @Mixin
    SettingsOptions settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Services s = root.services();
        Board b = Boards.get(BoardId.parse(board));
        if (!b.wireless()) {
            throw new PicoToolException(ExitCode.USAGE, "--board " + b.id() + " has no Wi-Fi, which the firmware "
                    + "needs", "use --board pico_w or --board pico2_w");
        }
        Path target = settings.configFile != null ? settings.configFile : Path.of(ConfigFiles.NAME);
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new PicoToolException(ExitCode.USAGE, target + " exists; nothing was asked or written",
                    "pass --force to replace it, or --config OTHER.yaml to write another file");
        }
        RawSettings flags = settings.flagsOnly();
        AnswerSecrets secrets = new AnswerSecrets(s.validator().secrets());
        ConfigValidator validator = s.validator().withSecrets(secrets).forBoard(b);
        Path home = Path.of(System.getProperty("user.home", "/"));
        InitWizard wizard = new InitWizard(prompter(out), out, validator, secrets, secretsDir != null ? secretsDir
                : defaultSecretsDir(s.configFiles(), home), home, flags);
        InitWizard.Result r = wizard.ask(!yes, WifiNetworks::scan, LanAddresses.ipv4());
        r.secretFiles().forEach((file, secret) -> SecretsFile.write(file, secrets.typedFor(file).orElseThrow()));
        write(target, ConfigYaml.write(r.settings(), List.of("picotool settings, written by `picotool init` "
                + Version.get() + "; `picotool validate` checks them.", "No passwords in here: password_file "
                + "names the files holding them (readable by you only).")));
        out.println();
        out.println("wrote " + TerminalText.escape(target.toString()) + " (no passwords in it)");
        r.secretFiles().forEach((file, secret) -> out.println("the " + (secret.startsWith("wifi") ? "Wi-Fi" : "MQTT")
                + " password is in " + TerminalText.escape(file.toString()) + " (readable by you only)"));
        wiring(out, b, r.settings());
        next(out, target, r.settings());
        return 0;
    }

    private Prompter prompter(PrintWriter out) {
        java.io.Console console = System.console();
        return root.input() == System.in && console != null ? Prompter.console(console)
                : Prompter.stream(root.input(), out);
    }

    private static Path defaultSecretsDir(ConfigFiles files, Path home) {
        Map<String, String> env = files.env();
        String xdg = env == null ? null : env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : (files.home() != null ? files.home() : home)
                .resolve(".config");
        return base.resolve("picotool");
    }

    /** Written whole or not at all; an existing file only with --force. */
    private void write(Path target, String yaml) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".picotool-", ".yaml");
            try {
                Files.writeString(tmp, yaml, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                if (force) {
                    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(tmp, target);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new PicoToolException(ExitCode.USAGE, target + " appeared while the questions were answered; "
                    + "nothing was written there", "pass --force to replace it");
        } catch (IOException | SecurityException e) {
            throw new PicoToolException(ExitCode.USAGE, "cannot write " + target + " (" + e.getClass().getSimpleName()
                    + ")", "pass --config FILE in a folder you may write");
        }
    }

    private static void wiring(PrintWriter out, Board b, RawSettings r) {
        String sensor = r.text(InitWizard.SENSOR).orElse("dht22");
        if (sensor.equalsIgnoreCase("none")) {
            return;
        }
        out.println();
        out.print(WiringDiagram.render(WiringPlan.of(b, SensorSpec.get(sensor.toLowerCase(java.util.Locale.ROOT)),
                        r.text(InitWizard.PIN).orElse(b.pinout().defaultSensorPin()), SensorPower.parse("3v3")),
                Style.forTerminal(System.console() != null, System.getenv("NO_COLOR"))));
    }

    private static void next(PrintWriter out, Path target, RawSettings r) {
        String config = target.equals(Path.of(ConfigFiles.NAME)) ? "" : " --config "
                + TerminalText.escape(target.toString());
        String broker = r.text(InitWizard.BROKER).orElse("");
        out.println();
        out.println("next:");
        if (LanAddresses.ipv4().stream().anyMatch(a -> broker.equals(a) || broker.startsWith(a + ":"))) {
            out.printf("  %-40s %s%n", "picotool broker", "(in another terminal, unless Mosquitto runs here)");
        }
        out.printf("  %-40s %s%n", "picotool flash" + config, "(puts the firmware on the board)");
        out.printf("  %-40s %s%n", "picotool verify" + config, "(shows the readings arriving)");
    }
}
