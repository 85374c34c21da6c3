package dev.picotool.demo;

import dev.picotool.broker.EmbeddedBroker;
import dev.picotool.config.DeviceSettings;
import dev.picotool.config.HomeAssistantSettings;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.Secret;
import dev.picotool.config.SensorSettings;
import dev.picotool.config.SensorType;
import dev.picotool.config.WifiSettings;
import dev.picotool.device.BootMonitor;
import dev.picotool.device.BootReport;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.FlashPhase;
import dev.picotool.device.FlashProgress;
import dev.picotool.device.FlashResult;
import dev.picotool.device.Flasher;
import dev.picotool.device.RawRepl;
import dev.picotool.device.ReplTimings;
import dev.picotool.device.TransferTuning;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.verify.VerifyListener;
import dev.picotool.verify.VerifyPlan;
import dev.picotool.verify.VerifyPlans;
import dev.picotool.verify.VerifyResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A configuration run end to end on this computer, with no hardware: the embedded broker on a free loopback port, a
 * virtual Pico (shipped in the jar, run by python3) whose simulated access point takes the configuration's Wi-Fi
 * network and password, the firmware rendered exactly as {@code flash} renders it (only the broker address points
 * at the local broker), flashed over the virtual serial port as for a real board, and verified by subscribing.
 * {@code picotool test} runs the user's configuration, {@code picotool demo} the built-in one. Stops everything it
 * started, whatever happens.
 */
public final class VirtualRun {
    /** @param count readings needed on each topic */
    public record Options(Simulation simulation, int count, Duration monitor) {
    }

    /** Hears each step as it starts; the CLI prints it. */
    @FunctionalInterface
    public interface Listener {
        void step(String what);
    }

    /**
     * @param firmware the configuration as flashed (pointed at the local broker)
     * @param verify   the verdict; when the board reported a failure while starting nothing was verified and every
     *                 topic fails with the board's own message
     * @param verified false when the board never connected
     */
    public record Result(PicoConfig firmware, FlashResult flash, VerifyResult verify, boolean verified) {
    }

    private static final Duration VERIFY_SLACK = Duration.ofSeconds(5);
    /** How long the flash waits, before it restarts the board, for the verifier to have subscribed. */
    private static final Duration SUBSCRIBE_WITHIN = Duration.ofSeconds(10);

    private final FirmwareRenderer renderer;
    private final DeviceAccess devices;
    private final ReplTimings timings;

    public VirtualRun(FirmwareRenderer renderer, DeviceAccess devices, ReplTimings timings) {
        this.renderer = renderer;
        this.devices = devices;
        this.timings = timings;
    }

    public Result run(PicoConfig config, Options o, Listener listener, FlashProgress progress,
                      VerifyListener readings) {
        PythonRuntime.require();
        try (WorkDirectory work = WorkDirectory.create()) {
            Path tool = VirtualPicoFiles.extract(work.path().resolve("virtual-pico"));
            String ssid = config.get(WifiSettings.SSID);
            String boardId = randomBoardId();
            List<String> args = new ArrayList<>(boardArgs(config, o.simulation()));
            args.addAll(List.of("--board-id", boardId));
            listener.step("starting the embedded MQTT broker on 127.0.0.1 and a virtual Pico W (simulated access "
                    + "point '" + ssid + "'" + (o.simulation() == Simulation.NONE ? "" : "; simulating: "
                    + o.simulation().description()) + ")");
            // Both take a moment (python3's start, Netty's), so they start side by side.
            CompletableFuture<VirtualPicoProcess> starting = CompletableFuture.supplyAsync(() ->
                    VirtualPicoProcess.start(tool, work.path().resolve("ttyPico"), work.path().resolve("fs"), ssid,
                            accessPointPassword(config, o.simulation()), Duration.ofSeconds(30), args));
            try (AutoCloseable stopBoard = () -> started(starting).ifPresent(VirtualPicoProcess::close);
                 EmbeddedBroker broker = EmbeddedBroker.start(new EmbeddedBroker.Options("127.0.0.1", 0,
                         config.find(MqttSettings.USERNAME), config.find(MqttSettings.PASSWORD)))) {
                PicoConfig firmware = config.withBroker(broker.host(), broker.port());
                return flashAndVerify(firmware, boardId, o, join(starting), listener, progress, readings);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Result flashAndVerify(PicoConfig firmware, String boardId, Options o, VirtualPicoProcess board,
                                  Listener listener, FlashProgress progress, VerifyListener readings) {
        // Verify judges this board (its id fills in the topics' {id}), its health report and its discovery; it
        // subscribes before the board starts, so the board's first readings count.
        VerifyPlan plan = VerifyPlans.of(firmware, new VerifyPlans.Request(o.count(), Optional.of(timeout(firmware,
                o)), true, List.of(), Optional.empty(), VerifyPlans.Ranges.NONE).withBoards(
                new VerifyPlan.Boards(List.of(boardId), 1)).withDocuments(firmware.get(
                DeviceSettings.DIAGNOSTICS_INTERVAL) > 0, firmware.get(HomeAssistantSettings.DISCOVERY)));
        listener.step("verifying: subscribing now, then waiting for " + o.count() + " readings on each topic");
        try (BackgroundVerification verify = BackgroundVerification.start(VerifyPlans.connection(firmware), plan,
                readings)) {
            listener.step("rendering the firmware for broker " + firmware.brokerAddress());
            FlashResult flash;
            try (RawRepl repl = devices.connect(board.port(), timings)) {
                listener.step("flashing it over the virtual serial port " + board.port());
                flash = new Flasher(repl, TransferTuning.standard(), progress.onPhase(FlashPhase.RESTARTING,
                        () -> verify.awaitSubscribed(SUBSCRIBE_WITHIN)))
                        .flash(renderer.render(firmware), Flasher.Options.standard().withBackups(Optional.empty())
                                .withMonitor(o.monitor()));
                Optional<BootReport> failed = flash.boot().filter(b -> b.status() != BootReport.Status.CONNECTED);
                if (failed.isPresent()) {
                    listener.step("the board did not connect; stopping the virtual Pico and the broker");
                    return new Result(firmware, flash, VerifyResult.notRun(firmware.brokerAddress(), plan, "the board "
                            + "did not connect: " + failed.get().failure().orElse("it stopped while starting")),
                            false);
                }
                // The board's own output while the readings are checked: its readings, or why it has none. Judged
                // from the board's start: one interval per reading and the slack, as if verify had started then.
                BootMonitor.follow(repl, readingsWithin(firmware, o), verify::done, progress::bootLine);
            }
            VerifyResult result = verify.done() ? verify.await() : verify.finishNow();
            listener.step("stopping the virtual Pico and the broker");
            return new Result(firmware, flash, result, true);
        }
    }

    /** The board once it has started; empty if it failed to (its failure is the run's). */
    private static Optional<VirtualPicoProcess> started(CompletableFuture<VirtualPicoProcess> starting) {
        try {
            return Optional.of(starting.join());
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        }
    }

    private static VirtualPicoProcess join(CompletableFuture<VirtualPicoProcess> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * How long to listen, from before the flash: the board's start (at most the flash's boot watch), then one interval
     * to its first reading and one per further reading, and a little slack for a busy machine, not the 15 s a real
     * board on a real network gets. A run that passes ends as soon as the last reading came.
     */
    private static Duration timeout(PicoConfig firmware, Options o) {
        return o.monitor().plus(readingsWithin(firmware, o));
    }

    /** How long the readings may take once the board is connected. */
    private static Duration readingsWithin(PicoConfig firmware, Options o) {
        Duration interval = Duration.ofMillis(firmware.get(SensorSettings.INTERVAL).movePointRight(3).longValue());
        return interval.multipliedBy(o.count() + 1L).plus(VERIFY_SLACK);
    }

    /** 8 random bytes as 16 hex digits: what {@code machine.unique_id()} gives on a Pico. */
    private static String randomBoardId() {
        byte[] b = new byte[8];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** The access point's password: the configuration's (none for an open network), or another one to simulate. */
    private static String accessPointPassword(PicoConfig config, Simulation simulation) {
        String configured = config.find(WifiSettings.PASSWORD).map(Secret::reveal).orElse("");
        return simulation == Simulation.WRONG_WIFI_PASSWORD ? "not-" + configured + "-but-this" : configured;
    }

    /** The virtual board's sensor as configured (type and data pin), plus the simulated fault. */
    private static List<String> boardArgs(PicoConfig config, Simulation simulation) {
        List<String> args = new ArrayList<>();
        if (config.get(SensorSettings.TYPE) == SensorType.DHT11) {
            args.addAll(List.of("--dht11", "22,45"));
        }
        config.find(SensorSettings.PIN).ifPresent(p -> args.addAll(List.of("--dht-pin", String.valueOf(p.gpio()))));
        args.addAll(simulation.boardArgs());
        return args;
    }
}
