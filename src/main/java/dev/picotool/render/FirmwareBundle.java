package dev.picotool.render;

import java.util.List;
import java.util.Optional;

/**
 * The files that make up the firmware, in the order they should be written: libraries first, {@code main.py} last,
 * so a board interrupted half-way never starts a new main.py against old libraries.
 */
public record FirmwareBundle(List<DeviceFile> files) {
    public FirmwareBundle {
        files = List.copyOf(files);
    }

    public Optional<DeviceFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public long totalBytes() {
        return files.stream().mapToLong(DeviceFile::size).sum();
    }
}
