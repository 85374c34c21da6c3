package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.Origin;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawSettings;
import dev.picotool.demo.TestRunSecrets;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool test}: your configuration, end to end on a virtual Pico; for CI, no hardware. */
@Command(name = "test", sortOptions = false, description = "Run your configuration on a virtual Pico against an "
        + "embedded broker on this computer, and check what it promises: every reading topic, the payload format, "
        + "the sensor's ranges, the interval, the retained status and health report, and the Home Assistant "
        + "discovery document when discovery is on. No board needed; exit codes as verify. Only "
        + "the broker address differs from what `flash` writes.")
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    SettingsOptions settings;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "2", description = "Readings needed on each "
            + "topic (default ${DEFAULT-VALUE}); the run takes about N+1 intervals.")
    int count;

    @Mixin
    SimulationOption simulation;

    @Mixin
    ReportOptions reports;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Runs.checkCount(count);
        PrintWriter out = spec.commandLine().getOut();
        Services s = root.services();
        try (ReportOptions.Prepared files = reports.prepare()) {
            return run(s, files, out);
        }
    }

    private int run(Services s, ReportOptions.Prepared files, PrintWriter out) {
        RawSettings raw = settings.raw(s.configFiles());
        boolean noBroker = !raw.has(MqttSettings.BROKER.key());
        if (noBroker) {
            raw = raw.overriddenBy(new RawSettings().put(MqttSettings.BROKER.key(), "127.0.0.1", Origin.flag("(test)"))
                    .put(MqttSettings.ALLOW_LOOPBACK.key(), "true", Origin.flag("(test)")));
        }
        TestRunSecrets secrets = new TestRunSecrets(s.validator().secrets());
        // Without a broker in the settings there is none on this computer to log in to: the test's own is used.
        PicoConfig config = (noBroker ? s.validator().withoutLocalBroker() : s.validator()).withSecrets(secrets)
                .validate(raw);
        config.warnings().forEach(w -> out.println("warning: " + TerminalText.escape(w)));
        LocalLogin.say(config, out);
        out.println("picotool test: " + settings.usedFile().map(f -> "settings from " + f).orElse("settings from the "
                + "flags") + ", on a virtual Pico");
        out.println(noBroker ? "no broker given: the test uses an embedded broker on this computer"
                : "the broker " + config.brokerAddress() + " is replaced by an embedded broker on this computer for "
                + "the test" + (config.get(MqttSettings.TLS) ? " (without TLS: it has no certificate your CA signed)"
                : ""));
        if (secrets.madeUpWifiPassword()) {
            out.println("no Wi-Fi password given: the virtual access point and the firmware use a made-up one");
        }
        return Runs.run(s, config, simulation.value, count, files, out, spec.commandLine().getErr());
    }
}
