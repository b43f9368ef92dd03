package dev.ssosetup.hostile;

import dev.ssosetup.app.CompositionRoot;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.Profile;
import dev.ssosetup.core.config.ProfileCodec;
import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.ProfileService;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.Renderers;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.DiscoveryRequest;
import dev.ssosetup.core.provider.DiscoveryService;
import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.config.LocalConfigFiles;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testserver.PushFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canary test: the flow as far as it exists runs with a recognisable client secret (and, where the features
 * exist, an admin token and a private key), then every log line, every printed line, every report, every
 * {@code toString} and every file written is searched for the canaries in plain, URL-encoded and base64 forms. Only
 * files the operator explicitly asked to hold the secret may hold it, and those are owner-only.
 */
class SecretLeakTest {
    static final String CLIENT_SECRET = "CANARY-client-secret-4b1d2c9e7a";

    private final Canaries canaries = new Canaries().add("client secret", CLIENT_SECRET);
    /** Where each captured text came from, and the text. */
    private final Map<String, String> seen = new LinkedHashMap<>();
    private LeakCapture capture;
    private MockIdp idp;

    @TempDir
    Path dir;

    /** The real log file, at DEBUG, inside {@link #dir}: every file under it is searched for the canaries. */
    private dev.ssosetup.core.diagnostics.LogSource log;

    @BeforeEach
    void start() {
        log = dev.ssosetup.infra.log.FileLog.install(dir.resolve("logs"), true);
        capture = new LeakCapture();
        idp = new MockIdp();
    }

    @AfterEach
    void stop() {
        idp.close();
        capture.close();
        java.util.logging.LogManager.getLogManager().reset();
    }

    private int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CompositionRoot.forCli(log).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        seen.put("picocli out of " + String.join(" ", args), out.toString());
        seen.put("picocli err of " + String.join(" ", args), err.toString());
        return code;
    }

    private static SsoConfiguration sample() {
        try (InputStream in = SecretLeakTest.class.getResourceAsStream("/golden/sample-profile.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return switch (new ProfileCodec().read(text)) {
                case ProfileLoad.Loaded l -> l.profile().configuration();
                case ProfileLoad.Refused r -> throw new IllegalStateException(r.reason().toString());
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noCanaryLeavesTheFlowExceptWhereAskedFor() throws Exception {
        SsoConfiguration config = sample().withClientSecret(Secret.of(CLIENT_SECRET));
        ProviderSettings provider = config.provider();
        assertEquals(CLIENT_SECRET, provider.clientSecret().reveal(), "the flow really carries the canary");

        // 1. discovery: CLI and the use case with the secret-bearing settings (pointed at the local provider)
        assertEquals(0, cli("discover", "--issuer", idp.issuer()));
        assertEquals(0, cli("discover", "--issuer", idp.issuer(), "--json"));
        DiscoveryRequest request = DiscoveryRequest.from(provider);
        DiscoveryRequest local = new DiscoveryRequest(idp.issuer(), "", request.scopes(), request.algorithm(),
                request.principalClaims(), request.clientAuthMethod(), request.callbackUrl());
        DiscoveryReport report = new DiscoveryService(new JdkHttpGatewayFactory().create(Optional.empty()))
                .check(local, TaskContext.none());
        seen.put("discovery report", report.toString());
        seen.put("discovery request", request.toString());

        // 2. values an exception or a debugger would print
        seen.put("ProviderSettings.toString", provider.toString());
        seen.put("SsoConfiguration.toString", config.toString());
        Profile profile = new Profile(config, Map.of("lastLoginTest", "ok"));
        seen.put("Profile.toString", profile.toString());

        // 3. profile save (the secret must never be written into a profile)
        Path profileFile = dir.resolve("profile.json");
        new ProfileService(new LocalConfigFiles()).save(profileFile.toString(), profile);
        assertTrue(Files.exists(profileFile));

        // 4. every rendering without the secret (API and CLI), then with it where explicitly asked
        Renderers renderers = new Renderers();
        for (OutputFormat f : OutputFormat.values()) {
            var r = renderers.render(f, config, RenderOptions.withoutSecret());
            seen.put("render " + f + " without secret", r.text());
            seen.put("RenderedOutput.toString " + f, renderers.render(f, config, RenderOptions.withSecret()).toString());
        }
        Path plain = dir.resolve("out-plain");
        assertEquals(0, cli("render", "--profile", profileFile.toString(), "--all", "--out", plain.toString()));
        Path secretFile = dir.resolve("client-secret.txt");
        Files.writeString(secretFile, CLIENT_SECRET + "\n");
        Path withSecret = dir.resolve("out-with-secret");
        assertEquals(0, cli("render", "--profile", profileFile.toString(), "--all", "--out", withSecret.toString(),
                "--client-secret-file", secretFile.toString()));

        // files that must hold it: asked for with --client-secret-file, in the formats that carry a secret
        Set<Path> mayHold = new java.util.HashSet<>(Set.of(secretFile));
        for (OutputFormat f : OutputFormat.values()) {
            Path p = withSecret.resolve(f.fileName());
            if (renderers.render(f, config, RenderOptions.withSecret()).holdsSecret()) {
                mayHold.add(p);
                assertTrue(Files.readString(p).contains(CLIENT_SECRET), "positive control: " + p + " holds it");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
                        "a file holding the secret is owner-only: " + p);
            }
        }
        assertFalse(mayHold.size() < 2, "at least one format carries the secret when asked");

        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (!mayHold.contains(p)) {
                    leaks.addAll(canaries.find("file " + dir.relativize(p), Files.readString(p)));
                }
            }
        }
        seen.put("System.out", capture.stdout());
        seen.put("System.err", capture.stderr());
        seen.put("java.util.logging", capture.logs());
        seen.forEach((where, text) -> leaks.addAll(canaries.find(where, text)));
        assertEquals(List.of(), leaks, "canaries leaked");
        assertTrue(seen.entrySet().stream().anyMatch(e -> e.getKey().contains(withSecret.toString())
                && e.getKey().startsWith("picocli out") && e.getValue().contains("holds the client secret")),
                "the CLI says which files hold it");
    }

    /**
     * Push and restore through the CLI as wired by the composition root, against the OpenMetadata test server: the
     * admin token, a bot token the server knows and the client secret are canaries. Only the files the operator
     * typed them into may hold them; outputs, backups and logs may not.
     */
    @Test
    void pushAndRestoreLeakNoToken() throws Exception {
        try (PushFixture fx = new PushFixture()) {
            Canaries pushCanaries = new Canaries().add("admin token", PushFixture.ADMIN_TOKEN)
                    .add("bot token", PushFixture.BOT_TOKEN).add("client secret", PushFixture.CLIENT_SECRET);
            String profile = new String(SecretLeakTest.class.getResourceAsStream("/golden/sample-profile.json")
                    .readAllBytes(), StandardCharsets.UTF_8)
                    .replace("https://idp.example.com/realms/openmetadata/protocol/openid-connect/certs",
                            fx.issuer + "/jwks")
                    .replace("https://idp.example.com/realms/openmetadata", fx.issuer)
                    .replace("https://om.example.com", fx.om.baseUrl());
            assertFalse(profile.contains("example.com/realms"), "no traffic leaves this machine");
            Path profileFile = Files.writeString(dir.resolve("profile.json"), profile);
            Path token = Files.writeString(dir.resolve("admin-token"), PushFixture.ADMIN_TOKEN + "\n");
            Path secret = Files.writeString(dir.resolve("client-secret"), PushFixture.CLIENT_SECRET);
            Path backups = dir.resolve("backups");
            List<String> common = List.of("--server", fx.om.baseUrl(), "--token-file", token.toString(),
                    "--client-secret-file", secret.toString(), "--backup-dir", backups.toString());
            List<String> push = new ArrayList<>(List.of("push", "--profile", profileFile.toString()));
            push.addAll(common);
            List<String> dry = new ArrayList<>(push);
            dry.add("--dry-run");
            int dryCode = cli(dry.toArray(String[]::new));
            List<String> apply = new ArrayList<>(push);
            apply.addAll(List.of("--yes", "--accept-lockout-risk",
                    dev.ssosetup.core.push.LockoutGuard.CONFIRMATION_PHRASE));
            int applyCode = cli(apply.toArray(String[]::new));
            List<String> jsonApply = new ArrayList<>(apply);
            jsonApply.add("--json");
            cli(jsonApply.toArray(String[]::new));
            // a refused token: the error path prints too
            Path wrong = Files.writeString(dir.resolve("bot-token"), PushFixture.BOT_TOKEN);
            List<String> asBot = new ArrayList<>(List.of("push", "--profile", profileFile.toString(), "--server",
                    fx.om.baseUrl(), "--token-file", wrong.toString(), "--backup-dir", backups.toString(), "--dry-run"));
            int botCode = cli(asBot.toArray(String[]::new));
            seen.put("server's stored configuration", fx.om.stored().toString());

            List<String> leaks = new ArrayList<>();
            Set<Path> inputs = Set.of(token, secret, wrong);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    if (!inputs.contains(p)) {
                        leaks.addAll(pushCanaries.find("file " + dir.relativize(p), Files.readString(p)));
                    }
                }
            }
            seen.remove("server's stored configuration"); // the server holds the secret: that is the point
            seen.put("System.out", capture.stdout());
            seen.put("System.err", capture.stderr());
            seen.put("java.util.logging", capture.logs());
            seen.forEach((where, text) -> leaks.addAll(pushCanaries.find(where, text)));
            assertEquals(List.of(), leaks, "canaries leaked");
            assertEquals(0, dryCode, () -> seen.toString());
            assertEquals(0, applyCode, () -> seen.toString());
            assertTrue(botCode != 0, "a bot token is refused");
            assertTrue(String.join("\n", log.lastLines(2000)).contains("push ("),
                    "positive control: the log file was written and searched");
            assertTrue(fx.om.stored().toString().contains(PushFixture.CLIENT_SECRET)
                    || fx.om.stored().toString().contains(dev.ssosetup.testserver.OpenMetadataTestServer.MASK),
                    "positive control: the secret reached the server (stored or masked)");
            try (Stream<Path> files = Files.list(backups)) {
                assertFalse(files.toList().isEmpty(), "backups were written and searched");
            }
        }
    }

    /**
     * Keys: generate and export through the CLI, import and inspect the exported key; the private exponent of the
     * generated key is the canary (as bytes and base64 at every alignment, so DER, PEM and JWK forms are all caught).
     * Only the private key files may hold it, and they are owner-only.
     */
    @Test
    void keysLeakNoPrivateKey() throws Exception {
        Path out = dir.resolve("keys");
        assertEquals(0, cli("keys", "generate", "--size", "2048", "--out", out.toString()));
        Path privateDer = out.resolve("private_key.der");
        var content = new dev.ssosetup.core.keys.KeyFileReader().identify(Files.readAllBytes(privateDer));
        var key = ((dev.ssosetup.core.keys.KeyFileContent.PrivateRsa) content).key();
        byte[] d = key.getPrivateExponent().toByteArray();
        String slice = new String(java.util.Arrays.copyOfRange(d, 16, 64), StandardCharsets.ISO_8859_1);
        Canaries keyCanary = new Canaries().add("private exponent", slice);
        assertFalse(keyCanary.find("positive control", Files.readString(privateDer, StandardCharsets.ISO_8859_1))
                .isEmpty(), "the search finds the key in its own file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateDer)));

        assertEquals(0, cli("keys", "inspect", privateDer.toString()));
        assertEquals(0, cli("keys", "inspect", privateDer.toString(), "--json"));
        assertEquals(0, cli("keys", "import", "--private", privateDer.toString(), "--out",
                dir.resolve("imported").toString()));
        seen.put("KeyFileContent.toString", content.toString());
        seen.put("System.out", capture.stdout());
        seen.put("System.err", capture.stderr());
        seen.put("java.util.logging", capture.logs());

        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (p.getFileName().toString().startsWith("private_key")) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
                    continue;
                }
                leaks.addAll(keyCanary.find("file " + dir.relativize(p), Files.readString(p, StandardCharsets.ISO_8859_1)));
            }
        }
        seen.forEach((where, text) -> leaks.addAll(keyCanary.find(where, text)));
        assertEquals(List.of(), leaks, "the private key leaked");
    }

    @Test
    void theSearchFindsEveryForm() {
        Canaries c = new Canaries().add("s", CLIENT_SECRET);
        assertFalse(c.find("plain", "x" + CLIENT_SECRET + "y").isEmpty());
        String basic = java.util.Base64.getEncoder().encodeToString(("client:" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(c.find("basic", "Authorization: Basic " + basic).isEmpty(), "base64 inside a longer text");
        String jwtish = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"k\":\"" + CLIENT_SECRET
                + "\"}").getBytes(StandardCharsets.UTF_8));
        assertFalse(c.find("jwt", jwtish).isEmpty(), "base64url at another alignment");
        assertTrue(c.find("clean", "client secret: <secret>").isEmpty());
    }
}
