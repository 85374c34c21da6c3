package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.testing.Mosquitto;
import dev.picotool.testing.TestCerts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against mosquitto with a throw-away CA (picotool's embedded broker does not do TLS). */
class VerifierTlsTest {
    @TempDir
    static Path dir;

    static TestCerts certs;

    final EventLog log = new EventLog();

    @BeforeAll
    static void makeCerts() {
        certs = TestCerts.make(dir);
    }

    static VerifyPlan quickPlan() {
        return new VerifyPlan(List.of(TopicExpectation.internal("tls/pico/temperature/internal")), 1,
                Duration.ofMillis(200), Duration.ofSeconds(3), Optional.empty(), Optional.empty()); // connect included
    }

    static BrokerConnection tls(String host, int port, Optional<Path> ca) {
        return new BrokerConnection(host, port, Optional.empty(), Optional.empty(), true, ca);
    }

    @Test
    void connectsWithTheCaAndChecksTheHostName() {
        try (Mosquitto broker = Mosquitto.withTls(dir, certs, certs.loopback())) {
            VerifyResult r = new Verifier().run(tls("127.0.0.1", broker.port(), Optional.of(certs.caFile())),
                    quickPlan(), log);

            assertThat(log.lines).first().asString().startsWith("connected 127.0.0.1:" + broker.port());
            assertThat(r.topics()).hasSize(1);
        }
    }

    @Test
    void aCertificateForAnotherHostFailsWithExitCode5() {
        try (Mosquitto broker = Mosquitto.withTls(dir, certs, certs.wrongHost())) {
            PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> new Verifier().run(
                    tls("127.0.0.1", broker.port(), Optional.of(certs.caFile())), quickPlan(), log));

            assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
            assertThat(e.getMessage()).startsWith("TLS: the broker's certificate is not for '127.0.0.1' (host name "
                    + "mismatch");
            assertThat(e.hint()).contains("subjectAltName");
        }
    }

    @Test
    void aBrokerCertificateNotSignedByTheGivenCaFailsWithExitCode5() {
        try (Mosquitto broker = Mosquitto.withTls(dir, certs, certs.loopback())) {
            PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> new Verifier().run(
                    tls("127.0.0.1", broker.port(), Optional.empty()), quickPlan(), log));

            assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
            assertThat(e.getMessage()).startsWith("TLS: the broker's certificate at 127.0.0.1:" + broker.port()
                    + " is not signed by a CA this computer trusts");
            assertThat(e.hint()).contains("--ca-file");
        }
    }

    @Test
    void plainMqttToATlsPortIsExplained() {
        try (Mosquitto broker = Mosquitto.withTls(dir, certs, certs.loopback())) {
            BrokerConnection plain = new BrokerConnection("127.0.0.1", broker.port(), Optional.empty(),
                    Optional.empty(), false, Optional.empty());

            PicoToolException e = catchThrowableOfType(PicoToolException.class, () -> new Verifier().run(plain,
                    quickPlan(), log));

            assertThat(e.exitCode()).isEqualTo(ExitCode.BROKER);
            assertThat(e.hint()).contains("--tls");
        }
    }
}
