package dev.ssosetup.core.push;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.En;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS is always verified: a server with a self-signed certificate (made by keytool) is refused with a clear reason,
 * and accepted once its certificate is given as the CA bundle.
 */
class PushTlsTest {
    @TempDir
    Path dir;

    @Test
    void aPrivateCaIsRefusedUntilItsBundleIsGiven() throws Exception {
        Path keystore = dir.resolve("om.p12");
        Path pem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "om", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "om", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        try (OpenMetadataTestServer om = new OpenMetadataTestServer(PushFixture.ADMIN_TOKEN, "bot", tls)) {
            ServerAddress address = ServerAddress.parse(om.baseUrl());
            PushService service = new PushService(new FileBackupStore(dir.resolve("backups")), Clock.systemUTC());
            DesiredConfiguration desired = new DesiredConfiguration(PushFixture.example(
                    "security-config.custom-oidc.public.json"), Secret.empty());

            OpenMetadataClient platformTrust = new OpenMetadataClient(new JdkHttpGatewayFactory().create(java.util.Optional.empty()), address,
                    Secret.of(PushFixture.ADMIN_TOKEN), HttpExchange.Limits.DEFAULT);
            PushFailure f = service.plan(platformTrust, desired, TaskContext.none(), r -> { }).failure().orElseThrow();
            assertEquals(PushException.Kind.TLS, f.kind());
            assertTrue(En.text(f.text()).contains("not trusted") && En.text(f.text()).contains("CA bundle"), En.text(f.text()));

            OpenMetadataClient withCa = new OpenMetadataClient(new JdkHttpGatewayFactory().create(java.util.Optional.of(Files.readAllBytes(pem))), address,
                    Secret.of(PushFixture.ADMIN_TOKEN), HttpExchange.Limits.DEFAULT);
            Plan plan = service.plan(withCa, desired, TaskContext.none(), r -> { });
            assertEquals(PushStep.CONNECT, plan.steps().getFirst().step());
            assertEquals(StepReport.Status.OK, plan.steps().getFirst().status(), plan.steps()::toString);
            assertEquals(StepReport.Status.OK, plan.steps().get(1).status(), plan.steps()::toString);
        }
    }

    @Test
    void aBundleWithoutACertificateIsNamed() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new JdkHttpGatewayFactory().create(java.util.Optional.of("not a certificate".getBytes())));
        assertTrue(bad.getMessage().contains("BEGIN CERTIFICATE"), bad.getMessage());
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
