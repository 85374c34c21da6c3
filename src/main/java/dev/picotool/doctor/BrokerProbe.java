package dev.picotool.doctor;

import java.time.Duration;

/** Tries the broker as the Pico will: a TCP connection, then an MQTT CONNECT answered with CONNACK. */
@FunctionalInterface
interface BrokerProbe {
    /** How far it got. {@code connackCode} is the CONNACK return code (0 accepted), -1 when none came. */
    record Answer(Outcome outcome, int connackCode, String detail) {
    }

    enum Outcome { ANSWERED, REFUSED, TIMED_OUT, UNREACHABLE, NOT_MQTT, TCP_ONLY }

    Answer probe(String host, int port, boolean tls, Duration timeout);
}
