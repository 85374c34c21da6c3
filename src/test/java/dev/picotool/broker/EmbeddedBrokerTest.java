package dev.picotool.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {
    @Test
    void startsOnAFreePortRoundTripsAndLeavesNoFilesOrThreads() throws Exception {
        Set<String> filesBefore = listing(Path.of(""));
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Options.anonymous("127.0.0.1", 0));
        try {
            assertThat(broker.port()).isPositive();
            assertThat(broker.startTime()).isLessThan(Duration.ofSeconds(10));
            assertThat(Ports.accepts(broker.port())).isTrue();
            String uri = "tcp://127.0.0.1:" + broker.port();
            MqttClient sub = new MqttClient(uri, "sub", new MemoryPersistence());
            MqttClient pub = new MqttClient(uri, "pub", new MemoryPersistence());
            sub.connect();
            pub.connect();
            CompletableFuture<String> got = new CompletableFuture<>();
            sub.subscribe("pico/+/internal", 1, (t, m) -> got.complete(t + " " + new String(m.getPayload(),
                    StandardCharsets.UTF_8)));
            pub.publish("pico/temperature/internal", "21.5".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("pico/temperature/internal 21.5");
            sub.disconnect();
            pub.disconnect();
            sub.close();
            pub.close();
        } finally {
            broker.close();
        }
        assertThat(Ports.accepts(broker.port())).isFalse();
        // Netty's and Moquette's threads are not daemons: a leftover one would keep `picotool broker` from exiting.
        Deadline.await(Duration.ofSeconds(5), () -> leftoverNonDaemons(threadsBefore).isEmpty(),
                () -> "broker threads to end: " + leftoverNonDaemons(threadsBefore));
        assertThat(listing(Path.of(""))).isEqualTo(filesBefore);
        broker.close(); // twice is fine
    }

    @Test
    void aTakenPortIsExplainedWithExitCode5() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> EmbeddedBroker.start(
                    EmbeddedBroker.Options.anonymous("127.0.0.1", taken.getLocalPort())));

            assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
            assertThat(e.getMessage()).startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(e.hint()).contains("another broker (mosquitto?)");
        }
    }

    private static Set<String> leftoverNonDaemons(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && !t.isDaemon()
                && t.isAlive() && !t.getName().startsWith("MQTT")).map(Thread::getName).collect(Collectors.toSet());
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.toAbsolutePath())) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
