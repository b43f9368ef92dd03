package dev.ssosetup.infra.net;

import dev.ssosetup.core.text.Text;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * TLS trust: the platform's CAs, optionally plus the CAs of a PEM bundle. Verification is never turned off.
 */
public final class TlsTrust {
    private TlsTrust() {
    }

    public static SSLContext platformDefault() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS support in this Java runtime", e);
        }
    }

    /**
     * The platform CAs plus those in {@code pem} (one or more {@code BEGIN CERTIFICATE} blocks).
     *
     * @throws IllegalArgumentException when the bundle holds no certificate, with a message naming what was found
     */
    public static SSLContext withExtraCas(byte[] pem) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> certs;
            try {
                certs = cf.generateCertificates(new ByteArrayInputStream(pem));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("The CA bundle is not a PEM certificate file: expected one or more "
                        + "'-----BEGIN CERTIFICATE-----' blocks");
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("The CA bundle holds no certificate: expected one or more "
                        + "'-----BEGIN CERTIFICATE-----' blocks");
            }
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate c : certs) {
                extra.setCertificateEntry("extra-" + i++, c);
            }
            X509TrustManager platform = trustManager(null);
            X509TrustManager custom = trustManager(extra);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new EitherTrustManager(platform, custom)}, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }

    /** Puts a TLS failure in words. */
    static Text explain(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(' ').append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        String s = all.toString().toLowerCase(Locale.ROOT);
        if (s.contains("certificateexpired") || s.contains("validity check failed") || s.contains("expired")) {
            return Text.of("net.tls.expired");
        }
        if (s.contains("no subject alternative") || s.contains("hostname") || s.contains("doesn't match")) {
            return Text.of("net.tls.hostName");
        }
        if (s.contains("pkix") || s.contains("unable to find valid certification path")) {
            return Text.of("net.tls.untrusted");
        }
        if (s.contains("unsupported or unrecognized ssl message") || s.contains("plaintext")) {
            return Text.of("net.tls.notTls");
        }
        return Text.of("net.tls.handshake", dev.ssosetup.core.common.LibraryText.plain(t.getMessage()));
    }

    /** Trusts a chain that either the platform or the extra CAs accept. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            all.addAll(List.of(second.getAcceptedIssuers()));
            return all.toArray(X509Certificate[]::new);
        }
    }
}
