package dev.picotool.cli;

import dev.picotool.Version;
import dev.picotool.broker.LocalBrokerCredentials;
import dev.picotool.config.ConfigFiles;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.ThisComputer;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.ReplTimings;
import dev.picotool.render.FirmwareRenderer;

/** What the commands need from the rest of picotool; tests pass their own (e.g. a scripted secret source). */
public record Services(ConfigValidator validator, FirmwareRenderer renderer, DeviceAccess devices,
                       ReplTimings timings, ConfigFiles configFiles) {
    public Services(ConfigValidator validator, FirmwareRenderer renderer) {
        this(validator, renderer, DeviceAccess.system(), ReplTimings.standard(), ConfigFiles.none());
    }

    public static Services standard() {
        return new Services(ConfigValidator.standard().withLocalBroker(LocalBrokerCredentials.standard().forSettings(),
                ThisComputer::names), new FirmwareRenderer(Version.get()), DeviceAccess.system(), ReplTimings.standard(),
                ConfigFiles.system());
    }

    public Services withDevices(DeviceAccess d) {
        return new Services(validator, renderer, d, timings, configFiles);
    }

    public Services withConfigFiles(ConfigFiles f) {
        return new Services(validator, renderer, devices, timings, f);
    }
}
