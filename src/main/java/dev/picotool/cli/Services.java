package dev.picotool.cli;

import dev.picotool.Version;
import dev.picotool.config.ConfigValidator;
import dev.picotool.render.FirmwareRenderer;

/** What the commands need from the rest of picotool; tests pass their own (e.g. a scripted secret source). */
public record Services(ConfigValidator validator, FirmwareRenderer renderer) {
    public static Services standard() {
        return new Services(ConfigValidator.standard(), new FirmwareRenderer(Version.get()));
    }
}
