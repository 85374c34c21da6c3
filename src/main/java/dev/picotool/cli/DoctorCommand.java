package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.ExitCode;
import dev.picotool.Version;
import dev.picotool.config.BrokerAddress;
import dev.picotool.config.ConfigException;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.Origin;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.Use;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.DeviceException;
import dev.picotool.device.PortSelector;
import dev.picotool.doctor.Doctor;
import dev.picotool.doctor.DoctorFacts;
import dev.picotool.doctor.Finding;
import dev.picotool.doctor.NoSecrets;
import dev.picotool.doctor.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool doctor}: what stands between this computer and readings at the broker, each with its fix. */
@Command(name = "doctor", description = "Check Java, the serial ports, the board (MicroPython, picotool firmware, "
        + "BOOTSEL mode), permission to open its port, programs holding it, the configured broker and this "
        + "computer's LAN addresses. Each line says ok, warn or fail, with the fix. Exit 0 when nothing fails.")
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    PortOptions port;

    @Mixin
    SettingsOptions settings = new SettingsOptions(Use.VERIFY);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Services s = root.services();
        PrintWriter out = spec.commandLine().getOut();
        List<Finding> findings = new ArrayList<>();
        DeviceAccess devices = s.devices();
        Optional<String> chosen = Optional.empty();
        if (port.port != null || !devices.environment().getOrDefault(PortSelector.ENV, "").isBlank()) {
            try {
                chosen = Optional.of(port.resolve(devices));
            } catch (DeviceException e) {
                findings.add(Finding.fail("port", e.getMessage(), e.hint(), ExitCode.DEVICE));
            }
        }
        Optional<DoctorFacts.BrokerTarget> broker = Optional.empty();
        try {
            // doctor logs in nowhere: it reads no password and asks for none
            broker = brokerTarget(settings.load(s.validator().withSecrets(new NoSecrets()), s.configFiles()));
        } catch (ConfigException e) {
            e.errors().forEach(err -> findings.add(Finding.fail("settings", (err.where().isEmpty() ? ""
                    : err.where() + ": ") + err.field() + ": " + err.problem(), err.fix(), ExitCode.INVALID_CONFIG)));
        }
        findings.addAll(Doctor.examine(DoctorFacts.system(devices, s.timings(), chosen, broker, Version.get())));
        findings.forEach(f -> print(out, f));
        long fails = findings.stream().filter(f -> f.status() == Status.FAIL).count();
        out.println(fails == 0 ? "nothing in the way" : fails + " problem" + (fails == 1 ? "" : "s") + " to fix "
                + "(the fail lines above)");
        return Doctor.exitCode(findings).code();
    }

    private static Optional<DoctorFacts.BrokerTarget> brokerTarget(PicoConfig c) {
        if (c.origin(MqttSettings.BROKER).kind() == Origin.Kind.DEFAULT) {
            return Optional.empty();
        }
        BrokerAddress b = c.get(MqttSettings.BROKER);
        return Optional.of(new DoctorFacts.BrokerTarget(b.host(), c.get(MqttSettings.PORT), c.get(MqttSettings.TLS),
                b.isLoopback() || b.isUnspecified(), c.find(MqttSettings.USERNAME).isPresent(),
                c.origin(MqttSettings.BROKER).toString()));
    }

    /** "fail  board        no board ...", then the fix indented under it. */
    static void print(PrintWriter out, Finding f) {
        out.printf("%-5s %-12s %s%n", f.status().word(), f.check(), TerminalText.escape(f.text()));
        if (!f.fix().isEmpty()) {
            out.printf("%-18s %s%s%n", "", f.status() == Status.OK ? "" : "fix: ", TerminalText.escape(f.fix()));
        }
    }
}
