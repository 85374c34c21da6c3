package dev.picotool.demo;

import dev.picotool.board.Pinout;
import dev.picotool.broker.EmbeddedBroker;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.HomeAssistantSettings;
import dev.picotool.config.Placeholders;
import dev.picotool.config.TopicSettings;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawSettings;
import dev.picotool.config.SecretSource;
import dev.picotool.device.BootMonitor;
import dev.picotool.device.BootReport;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.FlashProgress;
import dev.picotool.device.FlashResult;
import dev.picotool.device.Flasher;
import dev.picotool.device.RawRepl;
import dev.picotool.device.ReplTimings;
import dev.picotool.device.TransferTuning;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.verify.Verifier;
import dev.picotool.verify.VerifyListener;
import dev.picotool.verify.VerifyPlans;
import dev.picotool.verify.VerifyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The whole loop on this computer: embedded broker on a free loopback port, a virtual Pico on a pseudo-terminal
 * with a simulated access point, the firmware rendered for both, flashed over the virtual serial port exactly as
 * for a real board, and verified by subscribing. Stops everything it started, whatever happens.
 */
public final class DemoRunner {
    static final String SSID = "picotool-demo";
    private static final String PASSWORD_VARIABLE = "PICOTOOL_DEMO_WIFI_PASSWORD";

    /** @param interval seconds between readings (the DHT22 allows 2) */
    public record Options(Path toolDir, int intervalSeconds, int count, Simulation simulation, Duration monitor) {
    }

    /** Hears each step as it starts; the CLI prints it. */
    @FunctionalInterface
    public interface Listener {
        void step(String what);
    }

    /** verify is empty when the board reported a failure while starting (nothing to verify then). */
    public record Result(PicoConfig config, FlashResult flash, Optional<VerifyResult> verify) {
    }

    private final FirmwareRenderer renderer;
    private final DeviceAccess devices;
    private final ReplTimings timings;

    public DemoRunner(FirmwareRenderer renderer, DeviceAccess devices, ReplTimings timings) {
        this.renderer = renderer;
        this.devices = devices;
        this.timings = timings;
    }

    public Result run(Options o, Listener listener, FlashProgress progress, VerifyListener readings) {
        Path work = tempDir();
        try (EmbeddedBroker broker = startBroker(listener)) {
            String apPassword = randomHex(12);
            listener.step("starting a virtual Pico W (simulated access point '" + SSID + "'"
                    + (o.simulation() == Simulation.NONE ? "" : "; simulating: " + o.simulation().description())
                    + ")");
            String boardId = randomHex(8);
            List<String> boardArgs = new ArrayList<>(o.simulation().boardArgs());
            boardArgs.addAll(List.of("--board-id", boardId));
            try (VirtualPicoProcess board = VirtualPicoProcess.start(o.toolDir(), work.resolve("ttyPico"),
                    work.resolve("fs"), SSID, apPassword, Duration.ofSeconds(15), boardArgs)) {
                String firmwarePassword = o.simulation() == Simulation.WRONG_WIFI_PASSWORD
                        ? randomHex(12) : apPassword;
                PicoConfig config = config(broker.port(), firmwarePassword, o.intervalSeconds(), new RawSettings());
                listener.step("rendering the firmware for broker " + config.brokerAddress());
                FlashResult flash;
                try (RawRepl repl = devices.connect(board.port(), timings)) {
                    listener.step("flashing it over the virtual serial port " + board.port());
                    flash = new Flasher(repl, TransferTuning.standard(), progress).flash(renderer.render(config),
                            Flasher.Options.standard().withBackups(Optional.empty()).withMonitor(o.monitor()));
                    // One publish cycle more of the board's own output: its readings, or why it has none.
                    BootMonitor.follow(repl, Duration.ofMillis(o.intervalSeconds() * 1000L + 1500), progress::bootLine);
                }
                if (flash.boot().map(b -> b.status() != BootReport.Status.CONNECTED).orElse(false)) {
                    listener.step("the board did not connect; stopping the virtual Pico and the broker");
                    return new Result(config, flash, Optional.empty());
                }
                listener.step("verifying: waiting for " + o.count() + " readings on each topic");
                // The demo knows its board's id, so it checks the status topic as this board fills it in.
                PicoConfig verifyConfig = config(broker.port(), firmwarePassword, o.intervalSeconds(),
                        new RawSettings().put("topics.status", Placeholders.expand(config.get(TopicSettings.STATUS),
                                boardId, config.get(HomeAssistantSettings.DEVICE_NAME))));
                VerifyResult verify = new Verifier().run(VerifyPlans.connection(config),
                        VerifyPlans.of(verifyConfig, VerifyPlans.Request.readings(o.count())), readings);
                listener.step("stopping the virtual Pico and the broker");
                return new Result(config, flash, Optional.of(verify));
            }
        } finally {
            deleteQuietly(work);
        }
    }

    private static EmbeddedBroker startBroker(Listener listener) {
        listener.step("starting the embedded MQTT broker on 127.0.0.1");
        return EmbeddedBroker.start(EmbeddedBroker.Options.anonymous("127.0.0.1", 0));
    }

    /** The demo's settings go through the same validation as a user's (the broker is on loopback, on purpose). */
    private static PicoConfig config(int brokerPort, String wifiPassword, int interval, RawSettings more) {
        SecretSource secrets = new InMemorySecrets(PASSWORD_VARIABLE, wifiPassword);
        return new ConfigValidator(Pinout.picoW(), secrets, List::of).validate(new RawSettings()
                .put("wifi.ssid", SSID).put("wifi.password_env", PASSWORD_VARIABLE)
                .put("mqtt.broker", "127.0.0.1:" + brokerPort).put("mqtt.allow_loopback", "true")
                .put("interval", String.valueOf(interval)).put("device_name", "picotool demo {id4}")
                .overriddenBy(more));
    }

    /** A random password, or a random board id (8 bytes: what machine.unique_id() gives on a Pico). */
    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("picotool-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp folder is harmless; the demo's result matters more.
        }
    }
}
