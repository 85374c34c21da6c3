package dev.picotool.config;

/**
 * What the settings are read for. The firmware needs all of them with the board's rules (no loopback broker, the
 * sensor's minimum interval); {@code verify} reads the same file and flags for the broker and the topics, as this
 * computer reaches them.
 */
public enum Use {
    /** Rendering and flashing firmware: every setting, every rule. */
    FIRMWARE,
    /** Listening to a board from this computer: the broker, topics, sensor, payload and interval. */
    VERIFY
}
