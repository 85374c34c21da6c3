package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Socket factories that trust exactly the given CA (a student's self-signed broker) or, without one, the JVM's
 * trusted CAs (a public broker). Host names are checked separately: Paho sets the HTTPS endpoint identification on
 * each socket when {@code setHttpsHostnameVerificationEnabled(true)}.
 */
final class TlsSockets {
    private TlsSockets() {
    }

    static SSLSocketFactory forCa(Optional<Path> caFile) {
        if (caFile.isEmpty()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        Path file = caFile.get();
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, "cannot read the CA file " + file,
                    "check the path given with --ca-file", e);
        } catch (GeneralSecurityException e) {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, "the CA file " + file + " is not a PEM certificate",
                    "give the CA certificate (-----BEGIN CERTIFICATE-----), not a key or the broker's own files", e);
        }
        if (certs.isEmpty()) {
            throw new PicoToolException(ExitCode.INVALID_CONFIG, "the CA file " + file + " holds no certificate",
                    "give the CA certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JVM cannot set up TLS", e);
        }
    }
}
