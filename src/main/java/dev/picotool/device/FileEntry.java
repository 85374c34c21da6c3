package dev.picotool.device;

/** One entry of a directory on the board. */
public record FileEntry(String name, boolean directory, long size) {
}
