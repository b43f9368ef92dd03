package dev.ssosetup.testsupport;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Real X.509 material for TLS tests: a test CA and server certificates signed by it (for a chosen host, possibly
 * expired), and self-signed ones. Made fresh in each run; nothing is stored.
 */
public final class TestCertificates {
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestCertificates(KeyPair caKeys, X509Certificate ca) {
        this.caKeys = caKeys;
        this.ca = ca;
    }

    public static TestCertificates newCa() throws Exception {
        KeyPair keys = rsa();
        X509Certificate ca = sign(new X500Name("CN=SSO Setup Console Test CA"), keys, new X500Name(
                "CN=SSO Setup Console Test CA"), keys, null, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true);
        return new TestCertificates(keys, ca);
    }

    /** The CA as a PEM bundle, as an operator would add it. */
    public byte[] caPem() throws Exception {
        return pem(ca).getBytes(StandardCharsets.US_ASCII);
    }

    /** A server context for {@code host} signed by this CA, valid from {@code from} to {@code to}. */
    public SSLContext server(String host, Instant from, Instant to) throws Exception {
        KeyPair keys = rsa();
        X509Certificate cert = sign(new X500Name("CN=" + host), keys, new X500Name(ca.getSubjectX500Principal()
                .getName()), caKeys, host, from, to, false);
        return context(keys, cert, ca);
    }

    public SSLContext server(String host) throws Exception {
        return server(host, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10)));
    }

    /** A server context with a self-signed certificate for {@code host}. */
    public static SSLContext selfSigned(String host) throws Exception {
        KeyPair keys = rsa();
        X509Certificate cert = sign(new X500Name("CN=" + host), keys, new X500Name("CN=" + host), keys, host,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10)), false);
        return context(keys, cert);
    }

    private static SSLContext context(KeyPair keys, X509Certificate... chain) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "test".toCharArray();
        ks.setKeyEntry("server", keys.getPrivate(), pw, chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                        String host, Instant from, Instant to, boolean isCa) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), subject,
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (host != null) {
            GeneralName name = host.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, host)
                    : new GeneralName(GeneralName.dNSName, host);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(name));
        }
        X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKeys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static String pem(X509Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
