package dev.picotool.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away CA made with openssl, a server certificate for 127.0.0.1/localhost, and one for a wrong host name.
 * EC P-256 keys: quick to make, and both mosquitto and the JDK accept them.
 */
public final class TestCerts {
    public record Pair(Path cert, Path key) {
    }

    private final Path caFile;
    private final Pair loopback;
    private final Pair wrongHost;

    private TestCerts(Path caFile, Pair loopback, Pair wrongHost) {
        this.caFile = caFile;
        this.loopback = loopback;
        this.wrongHost = wrongHost;
    }

    public static TestCerts make(Path dir) {
        Path caKey = dir.resolve("ca.key");
        Path ca = dir.resolve("ca.pem");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", caKey.toString(), "-out", ca.toString(), "-days", "2", "-subj", "/CN=picotool test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Pair good = server(dir, "server", "127.0.0.1", "IP:127.0.0.1,DNS:localhost", ca, caKey);
        Pair wrong = server(dir, "wrong", "wrong.example", "DNS:wrong.example", ca, caKey);
        return new TestCerts(ca, good, wrong);
    }

    private static Pair server(Path dir, String name, String cn, String san, Path ca, Path caKey) {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".pem");
        Path ext = dir.resolve(name + ".ext");
        try {
            Files.writeString(ext, "subjectAltName=" + san + "\nextendedKeyUsage=serverAuth\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                key.toString(), "-out", csr.toString(), "-subj", "/CN=" + cn);
        openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
        return new Pair(cert, key);
    }

    private static void openssl(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Mosquitto.exec(cmd);
    }

    public Path caFile() {
        return caFile;
    }

    public Pair loopback() {
        return loopback;
    }

    public Pair wrongHost() {
        return wrongHost;
    }
}
