package dev.picotool.cli;

import dev.picotool.Version;
import dev.picotool.broker.LocalBrokerCredentials;
import dev.picotool.config.ConfigFiles;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.ThisComputer;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.ReplTimings;
import dev.picotool.render.FirmwareRenderer;
import java.util.function.Supplier;

/**
 * What the commands need from the rest of picotool; tests pass their own (e.g. a scripted secret source). Each part is
 * made the first time a command asks for it, so {@code --help}, {@code --version} and {@code validate} never load
 * the template engine, the serial library or anything else they do not use (the launcher's start-up time).
 */
public final class Services {
    private final Supplier<ConfigValidator> validator;
    private final Supplier<FirmwareRenderer> renderer;
    private final Supplier<DeviceAccess> devices;
    private final Supplier<ReplTimings> timings;
    private final Supplier<ConfigFiles> configFiles;

    private Services(Supplier<ConfigValidator> validator, Supplier<FirmwareRenderer> renderer,
                     Supplier<DeviceAccess> devices, Supplier<ReplTimings> timings, Supplier<ConfigFiles> configFiles) {
        this.validator = once(validator);
        this.renderer = once(renderer);
        this.devices = once(devices);
        this.timings = once(timings);
        this.configFiles = once(configFiles);
    }

    /** Services made of these parts (tests, and commands that swap one part). */
    public Services(ConfigValidator validator, FirmwareRenderer renderer, DeviceAccess devices, ReplTimings timings,
                    ConfigFiles configFiles) {
        this(() -> validator, () -> renderer, () -> devices, () -> timings, () -> configFiles);
    }

    public Services(ConfigValidator validator, FirmwareRenderer renderer) {
        this(() -> validator, () -> renderer, () -> DeviceAccess.system(), () -> ReplTimings.standard(),
                () -> ConfigFiles.none());
    }

    public static Services standard() {
        // lambdas, not method references: a method reference loads its class when the Services are made
        // With --broker naming this computer and no MQTT user, the settings take `picotool broker`'s login.
        return new Services(() -> ConfigValidator.standard().withLocalBroker(
                LocalBrokerCredentials.standard().forSettings(), host -> ThisComputer.names(host)),
                () -> new FirmwareRenderer(Version.get()),
                () -> DeviceAccess.system(), () -> ReplTimings.standard(), () -> ConfigFiles.system());
    }

    public ConfigValidator validator() {
        return validator.get();
    }

    public FirmwareRenderer renderer() {
        return renderer.get();
    }

    public DeviceAccess devices() {
        return devices.get();
    }

    public ReplTimings timings() {
        return timings.get();
    }

    public ConfigFiles configFiles() {
        return configFiles.get();
    }

    public Services withDevices(DeviceAccess d) {
        return new Services(validator, renderer, () -> d, timings, configFiles);
    }

    public Services withConfigFiles(ConfigFiles f) {
        return new Services(validator, renderer, devices, timings, () -> f);
    }

    /** {@code make}, called at most once, when first asked. */
    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }
}
