package dev.picotool.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CA certificate that signed the broker's certificate, parsed here so that a broken file is a config error and
 * not a failure on the board. The board gets it as one DER certificate: MicroPython's mbedTLS build has no PEM parser
 * ({@code MBEDTLS_PEM_PARSE_C} is off in {@code extmod/mbedtls/mbedtls_config_common.h}) and
 * {@code docs/library/ssl.rst} asks for a single DER-encoded certificate.
 *
 * @param path where it was read from
 * @param der  the certificate in DER form
 */
public record CaCertificate(Path path, byte[] der, X509Certificate certificate) {
    static final int MAX_BYTES = 64 * 1024;
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
            Pattern.DOTALL);
    /** Warn this long before the certificate expires: the board would stop connecting then. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    static final ValueType<CaCertificate> TYPE = (text, c) -> {
        Path p = HomePath.expand(text, c.home());
        byte[] bytes;
        try {
            bytes = LimitedFile.read(p, MAX_BYTES);
        } catch (LimitedFile.Unreadable e) {
            throw new Invalid(p + " " + e.getMessage(), e.fix());
        }
        return parse(p, bytes);
    };

    static CaCertificate parse(Path p, byte[] bytes) throws Invalid {
        String fix = "pass the CA certificate that signed the broker's certificate, in PEM form (-----BEGIN "
                + "CERTIFICATE-----) or DER";
        if (bytes.length > 0 && bytes[0] == 0x30) {
            return new CaCertificate(p, bytes, x509(p, bytes, fix));
        }
        String pem = new String(bytes, StandardCharsets.US_ASCII);
        List<byte[]> certs = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).contains("PRIVATE KEY")) {
                throw new Invalid(p + " holds a private key", "never give a key: pass only the CA certificate, and "
                        + "keep the key on the broker");
            }
            if (m.group(1).equals("CERTIFICATE")) {
                try {
                    certs.add(Base64.getDecoder().decode(m.group(2).replaceAll("\\s", "")));
                } catch (IllegalArgumentException e) {
                    throw new Invalid(p + ": certificate " + (certs.size() + 1) + " is not valid base64", fix);
                }
            }
        }
        if (certs.isEmpty()) {
            throw new Invalid(p + " holds no certificate", fix);
        }
        if (certs.size() > 1) {
            throw new Invalid(p + " holds " + certs.size() + " certificates; the Pico takes exactly one",
                    "pass only the CA that signed the broker's certificate (the last one in a chain file)");
        }
        return new CaCertificate(p, certs.get(0), x509(p, certs.get(0), fix));
    }

    private static X509Certificate x509(Path p, byte[] der, String fix) throws Invalid {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new Invalid(p + " is not a readable X.509 certificate", fix);
        }
    }

    /** A CA can sign: basicConstraints CA:TRUE. A broker's own (leaf) certificate here is a common mistake. */
    boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
