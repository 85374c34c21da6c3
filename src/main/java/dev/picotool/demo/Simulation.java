package dev.picotool.demo;

import java.util.List;

/** What can go wrong on the demo's virtual board, so students can see each failure and its message. */
public enum Simulation {
    NONE(List.of(), "everything works"),
    ABSENT_SENSOR(List.of("--dht22-absent"), "no DHT22 answers on GP15 (wiring problem)"),
    FLAKY_SENSOR(List.of("--dht22-fail-rate", "0.3"), "30 % of the DHT22 reads fail their checksum"),
    WRONG_WIFI_PASSWORD(List.of(), "the firmware is given the wrong Wi-Fi password"),
    WIFI_DOWN(List.of("--wifi-down"), "the access point is out of range");

    private final List<String> boardArgs;
    private final String description;

    Simulation(List<String> boardArgs, String description) {
        this.boardArgs = boardArgs;
        this.description = description;
    }

    /** Extra tool/virtual-pico options that produce the fault. */
    public List<String> boardArgs() {
        return boardArgs;
    }

    public String description() {
        return description;
    }
}
